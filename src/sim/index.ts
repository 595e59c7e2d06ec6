export { startSimulator } from './simulator';
export type { SimulatorRuntimeOptions } from './simulator';
export type { RequestLogEntry } from './server';
export type {
  ConfigView,
  CounterSnapshot,
  CounterView,
  Fault,
  FaultCommon,
  FaultController,
  FaultMatch,
  Simulator,
  SimulatorOptions,
} from './types';
