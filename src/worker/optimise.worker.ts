/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import highsLoader from 'highs';
// The HiGHS WebAssembly binary, served by Vite as an asset and loaded only when a solve starts.
import wasmUrl from 'highs/runtime?url';
import { OptimiseApi } from './optimiseApi';

Comlink.expose(new OptimiseApi(() => highsLoader({ locateFile: () => wasmUrl })));
