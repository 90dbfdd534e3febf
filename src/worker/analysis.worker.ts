/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { AnalysisApi } from './analysisApi';

Comlink.expose(new AnalysisApi());
