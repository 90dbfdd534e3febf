import { compareText, formatNumber, STRINGS } from '../i18n';
import { decodeText } from '../io/decode';
import { hasErrors } from '../io/issues';
import { latestYearRecords, parseListingCsv } from '../io/listingCsv';
import { usePlanner } from '../state/store';
import { ImportReport } from './ImportReport';
import { useListing } from './useDerived';
import { FileButton } from './FileButton';

/** Import of listed children per health centre, with a per-row report; and the current values. */
export function ListingPanel() {
  const listing = useListing();
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const data = usePlanner((st) => st.data);
  const pending = usePlanner((st) => st.pendingImport);
  const current = usePlanner((st) => st.listingImport);
  const message = usePlanner((st) => st.lastImportMessage);
  const { setPendingImport, setListingImport, setLastImportMessage } = usePlanner.getState();

  if (!data) return null;

  const apply = (fileName: string, records: typeof pending extends null ? never : NonNullable<typeof pending>['records']) => {
    const latest = latestYearRecords(records);
    if (latest.year === null) {
      setLastImportMessage(s.listing.nothingImported);
      return;
    }
    setListingImport({ fileName, year: latest.year, records: latest.records });
    const missing = data.healthCentres.length - latest.records.length;
    setLastImportMessage(`${s.listing.applied} ${latest.records.length} ${s.listing.matched} (${latest.year}).${missing > 0 ? ` ${missing} ${s.listing.centresKeepModelled}.` : ''}`);
  };

  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = decodeText(bytes);
    if (!decoded.value) {
      setPendingImport({ fileName: file.name, records: [], issues: decoded.issues, rowsRead: 0 });
      setLastImportMessage(s.listing.nothingImported);
      return;
    }
    const parsed = parseListingCsv(decoded.value.text, data.healthCentres);
    const issues = [...decoded.issues, ...parsed.issues];
    if (!hasErrors(issues) && parsed.value.records.length > 0) {
      setPendingImport(issues.length ? { fileName: file.name, records: [], issues, rowsRead: parsed.value.rowsRead } : null);
      apply(file.name, parsed.value.records);
      return;
    }
    setPendingImport({ fileName: file.name, records: parsed.value.records, issues, rowsRead: parsed.value.rowsRead });
    setLastImportMessage(parsed.value.records.length ? null : s.listing.nothingImported);
  };

  const centres = [...data.healthCentres].sort((a, b) => compareText(a.name, b.name, lang));

  return (
    <section className="panel" aria-labelledby="listing-h">
      <h2 id="listing-h">{s.listing.title}</h2>
      <p className="hint">{current ? `${s.listing.importedNote} ${current.fileName} (${current.year}).` : s.listing.modelledNote}</p>
      <FileButton label={s.listing.importButton} accept=".csv,text/csv,text/plain" testId="listing-file" onFile={(f) => void onFile(f)} />
      <p className="hint">{s.listing.expected}</p>
      {current && (
        <button type="button" onClick={() => { setListingImport(null); setPendingImport(null); setLastImportMessage(null); }}>
          {s.listing.resetButton}
        </button>
      )}
      {message && <p className="message" data-testid="listing-message" role="status">{message}</p>}
      {pending && pending.issues.length > 0 && (
        <ImportReport
          fileName={pending.fileName}
          issues={pending.issues}
          summary={`${pending.records.length} ${s.listing.matched}, ${pending.issues.filter((i) => i.row !== undefined && i.severity === 'error').length} ${s.listing.problems}`}
          goodRows={pending.records.length}
          confirmLabel={s.listing.confirmPartial}
          testId="listing"
          onConfirm={() => {
            apply(pending.fileName, pending.records);
            setPendingImport(null);
          }}
          onCancel={() => {
            setPendingImport(null);
            setLastImportMessage(s.listing.nothingImported);
          }}
        />
      )}
      <details>
        <summary>
          {s.layer.healthCentres} ({centres.length})
        </summary>
        <table className="data-table" data-testid="hc-table">
          <thead>
            <tr>
              <th>{s.layer.healthCentres}</th>
              <th>{s.popup.kommun}</th>
              <th className="num">{s.popup.listedChildren}</th>
            </tr>
          </thead>
          <tbody>
            {centres.map((c) => {
              const l = listing.get(c.id);
              return (
                <tr key={c.id}>
                  <td>
                    {c.name} {c.ownership === 'private' ? `(${s.ownership.private.toLowerCase()})` : ''}
                  </td>
                  <td>{c.kommun_name}</td>
                  <td className="num">
                    {formatNumber(l?.children_0_6, 0, lang)} <span className="note">{l?.source === 'imported' ? s.imported : s.modelled}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}
