import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';
import './intake/documentStatus.css';
import './printing/printQueue.css';
import './notices/notices.css';
import './intake/clockWarning.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
