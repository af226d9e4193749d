/**
 * The lead's Operators page (full window; Esc or Back closes it): everyone who may sign in at this station, with
 * add, change role, disable / enable and a new PIN. The station refuses these to anyone but a lead, whatever the
 * screen shows; the PIN is typed here and never shown again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepFunctionKeysOnPage } from '../keyboard/pageKeys.ts';
import type { Operator } from '../../shared/contract/operators.ts';
import type { Role } from '../../shared/contract/commandRoles.ts';
import type { StationErrorData } from '../../shared/contract/result.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { errorNotice } from '../intake/errorText.ts';

interface Props {
  readonly client: StationClient;
  readonly onClose: () => void;
}

export function OperatorsScreen({ client, onClose }: Props) {
  const [operators, setOperators] = useState<Operator[]>([]);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pinFor, setPinFor] = useState<string | null>(null);
  const pageRef = useRef<HTMLElement>(null);
  useEffect(() => pageRef.current?.focus(), []);

  const load = useCallback(async () => {
    const r = await client.call('operators.list', {});
    if (r.ok) setOperators(r.data);
    else setError(r.error);
  }, [client]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function apply(action: Promise<{ ok: true } | { ok: false; error: StationErrorData }>, message: string): Promise<boolean> {
    const r = await action;
    if (!r.ok) {
      setError(r.error);
      setDone(null);
      return false;
    }
    setError(null);
    setDone(message);
    await load();
    return true;
  }
  const commandId = () => crypto.randomUUID();
  const update = (op: Operator, change: { role?: Role; active?: boolean }, message: string) =>
    void apply(client.call('operators.update', { commandId: commandId(), operatorId: op.operatorId, ...change }), message);

  const notice = error && errorNotice(error);
  return (
    <main className="page operators-page" data-testid="operators-page" data-full-page data-wedge-passthrough ref={pageRef} tabIndex={-1} onKeyDown={keepFunctionKeysOnPage}>
      <div className="page-head">
        <button type="button" onClick={onClose} data-testid="operators-back">← Back <kbd>Esc</kbd></button>
        <h2>Operators at this station</h2>
      </div>
      {notice && (
        <div className="error" role="alert" data-testid="operators-error" data-code={error?.code}>
          <strong>{notice.title}</strong>
          <span>{notice.detail}</span>
        </div>
      )}
      {done && <p className="page-done" role="status" data-testid="operators-done">{done}</p>}
      <section>
        <table className="operators-table">
          <thead>
            <tr><th>Id</th><th>Name</th><th>Role</th><th>Can sign in</th><th>PIN</th></tr>
          </thead>
          <tbody>
            {operators.map((op) => (
              <tr key={op.operatorId} data-testid={`operator-${op.operatorId}`} className={op.active ? '' : 'disabled'}>
                <td className="mono">{op.operatorId}</td>
                <td>{op.name}</td>
                <td>
                  <select
                    aria-label={`Role of ${op.name}`} value={op.role}
                    onChange={(e) => update(op, { role: e.target.value as Role }, `${op.name} is now ${e.target.value === 'lead' ? 'a lead' : 'an operator'}.`)}
                  >
                    <option value="operator">operator</option>
                    <option value="lead">lead</option>
                  </select>
                </td>
                <td>
                  {op.active ? 'yes' : 'no — disabled'}{' '}
                  <button type="button" className="small" onClick={() => update(op, { active: !op.active }, `${op.name} ${op.active ? 'can no longer' : 'can again'} sign in.`)}>
                    {op.active ? 'Disable' : 'Enable'}
                  </button>
                </td>
                <td>
                  {pinFor === op.operatorId ? (
                    <PinForm
                      label={`New PIN for ${op.name}`}
                      onCancel={() => setPinFor(null)}
                      onPin={(pin) => void apply(client.call('operators.resetPin', { commandId: commandId(), operatorId: op.operatorId, pin }), `${op.name} has a new PIN.`).then((ok) => ok && setPinFor(null))}
                    />
                  ) : (
                    <button type="button" className="small" onClick={() => setPinFor(op.operatorId)}>New PIN</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <AddOperatorForm onAdd={(op) => apply(client.call('operators.add', { commandId: commandId(), ...op }), `${op.name} was added and can sign in now.`)} />
    </main>
  );
}

function PinForm({ label, onPin, onCancel }: { label: string; onPin: (pin: string) => void; onCancel: () => void }) {
  const [pin, setPin] = useState('');
  return (
    <form className="pin-form" onSubmit={(e) => { e.preventDefault(); onPin(pin); }}>
      <input aria-label={label} type="password" inputMode="numeric" autoFocus value={pin} maxLength={8} onChange={(e) => setPin(e.target.value)} />
      <button type="submit" className="small">Set</button>
      <button type="button" className="small" onClick={onCancel}>Cancel</button>
    </form>
  );
}

function AddOperatorForm({ onAdd }: { onAdd: (op: { operatorId: string; name: string; role: Role; pin: string }) => Promise<boolean> }) {
  const [operatorId, setOperatorId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [pin, setPin] = useState('');
  return (
    <section>
      <h3>Add a person</h3>
      <form
        className="add-operator"
        data-testid="add-operator"
        onSubmit={(e) => {
          e.preventDefault();
          void onAdd({ operatorId, name, role, pin }).then((ok) => {
            if (!ok) return;
            setOperatorId('');
            setName('');
            setPin('');
          });
        }}
      >
        <label>Operator id <input value={operatorId} maxLength={16} onChange={(e) => setOperatorId(e.target.value)} data-testid="add-id" /></label>
        <label>Name <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="add-name" /></label>
        <label>Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="add-role">
            <option value="operator">operator</option>
            <option value="lead">lead</option>
          </select>
        </label>
        <label>PIN (4 to 8 digits) <input type="password" inputMode="numeric" value={pin} maxLength={8} onChange={(e) => setPin(e.target.value)} data-testid="add-pin" /></label>
        <button type="submit" className="primary">Add</button>
      </form>
    </section>
  );
}
