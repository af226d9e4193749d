/**
 * The lead's page over the whole window: the day summary, and the exceptions a lead acts on (two tabs). Opened
 * from the top bar; Esc or Back returns to the bench.
 */
import { useEffect, useRef, useState } from 'react';
import { keepFunctionKeysOnPage } from '../keyboard/pageKeys.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { SummaryView } from './SummaryView.tsx';
import { ExceptionsView } from './ExceptionsView.tsx';
import './lead.css';

export function LeadPage(props: { client: StationClient; onClose: () => void }) {
  const { onClose } = props;
  const [tab, setTab] = useState<'summary' | 'exceptions'>('summary');
  const pageRef = useRef<HTMLDivElement>(null);
  useEffect(() => pageRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="lead-page" data-testid="lead-page" data-full-page data-wedge-passthrough ref={pageRef} tabIndex={-1} onKeyDown={keepFunctionKeysOnPage}>
      <header className="lead-header">
        <button type="button" className="lead-back" onClick={onClose} data-testid="lead-back">← Back to the bench <kbd>Esc</kbd></button>
        <h2>{tab === 'summary' ? 'Day summary' : 'Exceptions'}</h2>
        <nav className="lead-tabs">
          <button type="button" aria-pressed={tab === 'summary'} onClick={() => setTab('summary')} data-testid="tab-summary">Day summary</button>
          <button type="button" aria-pressed={tab === 'exceptions'} onClick={() => setTab('exceptions')} data-testid="tab-exceptions">Exceptions</button>
        </nav>
      </header>
      {tab === 'summary' ? <SummaryView client={props.client} /> : <ExceptionsView client={props.client} />}
    </div>
  );
}
