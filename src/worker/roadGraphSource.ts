import { roadGraph, type RoadGraphColumns } from '../domain/network/graph';
import { NetworkRouter } from '../domain/network/router';
import type { TravelParams } from '../domain/travel';

/** Fetches the built road graph (`public/data/road-graph.json`) from the app's own origin. */
export async function fetchRoadGraph(url: string): Promise<RoadGraphColumns> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`road-graph.json: HTTP ${res.status}`);
  return (await res.json()) as RoadGraphColumns;
}

/**
 * A worker's road router, made on first use of the network model: the graph is fetched and
 * indexed once per worker; its shortest-path caches then live as long as the worker.
 */
export class LazyRouter {
  private router: Promise<NetworkRouter> | null = null;
  private url: string | null = null;

  constructor(private readonly load: (url: string) => Promise<RoadGraphColumns> = fetchRoadGraph) {}

  /** Where the graph is; set at init. */
  setUrl(url: string | undefined): void {
    this.url = url ?? null;
  }

  /** The router when the travel model needs it, else null. */
  async forTravel(travel: TravelParams): Promise<NetworkRouter | null> {
    if (travel.kind !== 'network') return null;
    if (!this.url) throw new Error('road graph location not set');
    const url = this.url;
    this.router ??= this.load(url).then((c) => new NetworkRouter(roadGraph(c)));
    return this.router;
  }
}
