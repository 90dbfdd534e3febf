import { exportFileName } from '../io/exports';
import { serializeScenario } from '../io/scenarioFile';
import { liveDoc, usePlanner } from '../state/store';
import { downloadText } from './download';

/** Downloads the active scenario as a versioned JSON file. */
export function exportScenarioFile(): void {
  const doc = liveDoc(usePlanner.getState());
  downloadText(exportFileName(doc.name, 'scenario', 'json', new Date()), serializeScenario(doc), 'application/json');
}
