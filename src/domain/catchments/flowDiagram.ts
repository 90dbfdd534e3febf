import type { CrossBorderResult } from './crossBorder';
import type { CatchmentSite } from './siteKind';

/**
 * A compact structure a simple flow diagram (Sankey- or chord-like: kommuner of residence on one
 * side, sites on the other) is drawn from. Links below `minChildren` are left out and summed in
 * `omitted`, so the diagram says what it does not draw. Unreachable children are never a link.
 */

export interface FlowDiagramOptions {
  /** Links with fewer children 0–6 than this are omitted. Default 5. */
  minChildren?: number;
  /** Only links to a site in another kommun. Default false (own-kommun links drawn too). */
  acrossOnly?: boolean;
}

export const DEFAULT_FLOW_DIAGRAM: Required<FlowDiagramOptions> = { minChildren: 5, acrossOnly: false };

export interface FlowLink {
  /** Kommun of residence. */
  kommun_code: string;
  kommun_name: string;
  site_id: string;
  site_name: string;
  /** The site's kommun ('' = unknown). */
  site_kommun_code: string;
  children_0_6: number;
  /** children_0_6 ÷ the kommun's children (0–1). */
  share_of_kommun: number;
  /** True when the site lies in another (known) kommun than the children. */
  across: boolean;
}

export interface FlowDiagram {
  /** Kommuner with at least one drawn link, in the flows' kommun order, with the children the links carry. */
  kommunNodes: { kommun_code: string; kommun_name: string; children_0_6: number }[];
  /** Sites with at least one drawn link, in site order, with the children the links carry. */
  centreNodes: { site_id: string; name: string; kommun_code: string; children_0_6: number }[];
  /** Links in kommun order, then children descending, then site id. */
  links: FlowLink[];
  omitted: { links: number; children_0_6: number };
  options: Required<FlowDiagramOptions>;
}

/**
 * Nodes and links of the flow diagram from the kommun × site matrix.
 *
 * @param flows cross-border flows of a set
 * @param sites the same sites, in the matrix's column order (`CatchmentResult.sites`)
 */
export function flowDiagram(flows: CrossBorderResult, sites: readonly CatchmentSite[], options: FlowDiagramOptions = {}): FlowDiagram {
  const opt = { ...DEFAULT_FLOW_DIAGRAM, ...options };
  const nS = sites.length;
  const cols = nS + 1;
  const links: FlowLink[] = [];
  let omittedLinks = 0;
  let omittedChildren = 0;
  const siteSum = new Float64Array(nS);
  const kommunNodes: FlowDiagram['kommunNodes'] = [];
  flows.kommuner.forEach((k, r) => {
    const own: FlowLink[] = [];
    for (let j = 0; j < nS; j++) {
      const c = flows.matrix[r * cols + j];
      if (!(c > 0)) continue;
      const s = sites[j];
      const across = s.kommun_code !== '' && s.kommun_code !== k.kommun_code;
      if (opt.acrossOnly && !across) continue;
      if (c < opt.minChildren) {
        omittedLinks++;
        omittedChildren += c;
        continue;
      }
      siteSum[j] += c;
      own.push({
        kommun_code: k.kommun_code,
        kommun_name: k.kommun_name,
        site_id: s.id,
        site_name: s.name,
        site_kommun_code: s.kommun_code,
        children_0_6: c,
        share_of_kommun: k.children_0_6 > 0 ? c / k.children_0_6 : 0,
        across,
      });
    }
    if (own.length === 0) return;
    own.sort((a, b) => b.children_0_6 - a.children_0_6 || (a.site_id < b.site_id ? -1 : a.site_id > b.site_id ? 1 : 0));
    links.push(...own);
    kommunNodes.push({ kommun_code: k.kommun_code, kommun_name: k.kommun_name, children_0_6: own.reduce((s, l) => s + l.children_0_6, 0) });
  });
  const centreNodes = sites.flatMap((s, j) => (siteSum[j] > 0 ? [{ site_id: s.id, name: s.name, kommun_code: s.kommun_code, children_0_6: siteSum[j] }] : []));
  return { kommunNodes, centreNodes, links, omitted: { links: omittedLinks, children_0_6: omittedChildren }, options: opt };
}
