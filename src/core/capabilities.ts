/** Which of a host's missing capabilities the user is told about, as catalogue message ids. */
import type { HostCapabilities } from './host';

export type CapabilityMessageId = 'capability.notes' | 'capability.merges' | 'capability.undo-group' | 'capability.hyperlinks' | 'capability.print-layout' | 'capability.widen-filters' | 'capability.widen-formats' | 'capability.widen-validations';

export function unavailableFeatureIds(f: HostCapabilities): CapabilityMessageId[] {
  const out: CapabilityMessageId[] = [];
  if (!f.notes) out.push('capability.notes');
  if (!f.merges) out.push('capability.merges');
  if (!f.undoGroup) out.push('capability.undo-group');
  if (!f.hyperlinks) out.push('capability.hyperlinks');
  if (f.printLayout === false) out.push('capability.print-layout');
  if (f.widenFilters === false) out.push('capability.widen-filters');
  if (f.widenFormats === false) out.push('capability.widen-formats');
  if (f.widenValidations === false) out.push('capability.widen-validations');
  return out;
}
