/** The bench's sound volume and mute, saved in the station settings (settings.update). */
export function SoundSettings(props: { volume: number; muted: boolean; onChange: (change: { soundVolume?: number; soundMuted?: boolean }) => void; onTest: () => void }) {
  return (
    <section className="sound-settings" aria-label="Sounds" data-testid="sound-settings">
      <h3>Sounds</h3>
      <label>
        Volume
        <input type="range" data-testid="sound-volume" min={0} max={100} step={5} value={Math.round(props.volume * 100)} onChange={(e) => props.onChange({ soundVolume: Number(e.target.value) / 100 })} />
        <span>{Math.round(props.volume * 100)} %</span>
      </label>
      <label>
        <input type="checkbox" data-testid="sound-muted" checked={props.muted} onChange={(e) => props.onChange({ soundMuted: e.target.checked })} /> Mute
      </label>
      <button type="button" className="small" onClick={props.onTest}>Play the sounds</button>
    </section>
  );
}
