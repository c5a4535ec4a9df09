import type { Lang } from '../core/findings';
import { messages } from './i18n';
import type { GradeKey, Status } from './summary';

export function statusLabel(status: Status, lang: Lang): string {
  const t = messages(lang);
  const labels: Record<Status, string> = {
    achieved: t.statusAchieved,
    'on-track': t.statusOnTrack,
    'behind': t.statusBehind,
    'no-data': t.statusNoData,
    qualitative: t.statusQualitative,
  };
  return labels[status] ?? status;
}

export function statusColor(status: Status): 'success' | 'brand' | 'warning' | 'informative' | 'subtle' {
  return status === 'achieved' ? 'success' : status === 'on-track' ? 'brand' : status === 'behind' ? 'warning' : status === 'qualitative' ? 'informative' : 'subtle';
}

export function gradeLabel(grade: GradeKey, lang: Lang): string {
  return grade === 'none' ? (lang === 'en' ? 'None' : 'なし') : grade;
}
