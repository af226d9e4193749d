/**
 * The hold shelf on the intake screen: loads the shelf from the station, hands it to HoldShelfPanel, and runs its
 * batch release / return-to-sender through the contract.
 */
import { useEffect, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { CommandResponse } from '../../shared/contract/commands.ts';
import { HoldShelfPanel } from './HoldShelfPanel.tsx';

type Groups = CommandResponse<'holds.list'>;

export function HoldShelfSection(props: { client: StationClient; refreshKey: unknown }) {
  const { client } = props;
  const [groups, setGroups] = useState<Groups>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void client.call('holds.list', {}).then((r) => (r.ok ? setGroups(r.data) : setError(r.error.message)));
  }, [client, props.refreshKey, tick]);

  const batch = (command: 'holds.release' | 'holds.convertToReturn') => async (holdIds: string[], note: string) => {
    setBusy(true);
    const result = await client.call(command, { commandId: crypto.randomUUID(), holdIds, note });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    setTick((t) => t + 1);
  };

  return (
    <HoldShelfPanel
      groups={groups.map((g) => ({ ...g, holds: [...g.holds] }))}
      busy={busy}
      error={error}
      onRelease={batch('holds.release')}
      onConvertToReturn={batch('holds.convertToReturn')}
    />
  );
}
