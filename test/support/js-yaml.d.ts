// js-yaml ships without types (it is here as electron-builder's dependency); the tests only parse YAML.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
