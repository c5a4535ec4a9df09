import type { Lang } from '../core/findings';
import { t } from '../core/catalogue';
import type { GradeKey, Status } from './summary';

export function statusLabel(status: Status, lang: Lang): string {
  return t(lang, `status.${status}`);
}

export function statusColor(status: Status): 'success' | 'brand' | 'warning' | 'informative' | 'subtle' {
  return status === 'achieved' ? 'success' : status === 'on-track' ? 'brand' : status === 'behind' ? 'warning' : status === 'qualitative' ? 'informative' : 'subtle';
}

export function gradeLabel(grade: GradeKey, lang: Lang): string {
  return grade === 'none' ? t(lang, 'grade.none') : grade;
}
