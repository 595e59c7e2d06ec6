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
export { startLab, parseLabDevices } from './lab/lab';
export type { Lab, LabDevice, LabDeviceInfo, LabDeviceSpec, LabOptions } from './lab/lab';
export type { NegotiationPolicy } from './negotiation/ike-sa';
