/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { ImportApi } from './importApi';

Comlink.expose(new ImportApi());
