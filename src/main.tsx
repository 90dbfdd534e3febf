import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getWorkerCount, setWorkerCount, setWorkerUrl } from 'maplibre-gl';
// maplibre-gl 6 loads its worker from a URL; under Vite it must be set explicitly or the built
// map fails with "Worker failed to load".
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './components/App';
import { initPersistence } from './state/persistence';

setWorkerUrl(workerUrl);
// At least two map workers, so the kommun and RegSO polygons are prepared side by side for the first map.
setWorkerCount(Math.max(2, getWorkerCount()));
initPersistence();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
