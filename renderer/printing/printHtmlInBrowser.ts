/**
 * Browser mode: prints a job's page (from `print.content`) with the browser's print dialog, through a hidden
 * same-origin iframe (srcdoc; the page has no scripts, so the renderer's Content-Security-Policy is enough).
 * Resolves when the dialog closes; the browser does not say whether it printed, so the UI asks the worker.
 */
export function printHtmlInBrowser(html: string, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    frame.onload = () => {
      const win = frame.contentWindow;
      if (win === null) {
        frame.remove();
        reject(new Error('The print frame could not be opened.'));
        return;
      }
      win.addEventListener('afterprint', () => {
        frame.remove();
        resolve();
      }, { once: true });
      win.focus();
      win.print();
    };
    frame.srcdoc = html;
    doc.body.appendChild(frame);
  });
}
