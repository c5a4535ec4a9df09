/** Says plainly what this Excel cannot do, instead of failing later. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '../../core/findings';
import type { HostCapabilities } from '../../core/host';
import { unavailableFeatureIds } from '../../core/capabilities';
import { t } from '../../core/catalogue';

export function capabilityGaps(caps: HostCapabilities, lang: Lang, liveAvailable: boolean): string[] {
  const gaps = unavailableFeatureIds(caps).map((id) => t(lang, id));
  if (liveAvailable && caps.hyperlinks && !caps.changeEvents) gaps.push(t(lang, 'pane.live-unavailable'));
  return gaps;
}

export function CapabilityNotes({ caps, lang, liveAvailable }: { caps: HostCapabilities; lang: Lang; liveAvailable: boolean }) {
  const gaps = capabilityGaps(caps, lang, liveAvailable);
  if (!gaps.length) return null;
  return (
    <MessageBar intent="info" data-testid="capability-gaps">
      <MessageBarBody>{gaps.join(' ')}</MessageBarBody>
    </MessageBar>
  );
}
