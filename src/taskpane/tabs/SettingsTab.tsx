/** 設定 / Settings: stored in the workbook so every user of the file shares them. */
import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../core/findings';
import { errorDetail, t } from '../../core/catalogue';
import { normaliseSettings, type AddinSettings } from '../../app';
import type { WorkbenchApi } from '../useWorkbench';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '360px' },
  bands: { display: 'flex', gap: tokens.spacingHorizontalS },
  band: { width: '96px' },
});

interface Props {
  settings: AddinSettings;
  lang: Lang;
  onSave: (s: AddinSettings) => Promise<void>;
  api: WorkbenchApi;
}

export function SettingsTab({ settings, lang, onSave, api }: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState(settings);
  const [saving, setSaving] = useState(false);
  const bandsValid = draft.gradeBands.A >= draft.gradeBands.B && draft.gradeBands.B >= draft.gradeBands.C;

  const setBand = (grade: 'A' | 'B' | 'C', value: string) => setDraft({ ...draft, gradeBands: { ...draft.gradeBands, [grade]: Number(value) } });
  const save = async () => {
    setSaving(true);
    try {
      await onSave(normaliseSettings(draft));
      api.notify('success', t(draft.lang ?? lang, 'settings.saved'));
    } catch (e) {
      api.notify('error', t(lang, 'pane.error-settings', { detail: errorDetail(lang, e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.form} data-testid="settings">
      <Field label={t(lang, 'settings.grade-bands')} validationMessage={bandsValid ? undefined : 'A ≥ B ≥ C'}>
        <div className={styles.bands}>
          {(['A', 'B', 'C'] as const).map((g) => (
            <Input
              key={g}
              className={styles.band}
              type="number"
              contentBefore={g}
              value={String(draft.gradeBands[g])}
              onChange={(_, d) => setBand(g, d.value)}
              data-testid={`band-${g}`}
            />
          ))}
        </div>
      </Field>
      <Field label={t(lang, 'settings.grading')}>
        <RadioGroup value={draft.grading} onChange={(_, d) => setDraft({ ...draft, grading: d.value as AddinSettings['grading'] })} data-testid="grading">
          <Radio value="auto" label={t(lang, 'settings.grading.auto')} />
          <Radio value="rate" label={t(lang, 'grading.rate')} />
          <Radio value="path" label={t(lang, 'grading.path')} />
        </RadioGroup>
      </Field>
      <Field label={t(lang, 'settings.rate-method')}>
        <RadioGroup value={draft.rateMethod} onChange={(_, d) => setDraft({ ...draft, rateMethod: d.value as AddinSettings['rateMethod'] })}>
          <Radio value="auto" label={t(lang, 'settings.rate-method.auto')} />
          <Radio value="ratio" label={t(lang, 'settings.rate-method.ratio')} />
          <Radio value="gap" label={t(lang, 'settings.rate-method.gap')} />
        </RadioGroup>
      </Field>
      <Field label={t(lang, 'settings.management-workbook')} hint={t(lang, 'settings.management-workbook.hint')}>
        <Input value={draft.managementWorkbook} onChange={(_, d) => setDraft({ ...draft, managementWorkbook: d.value })} />
      </Field>
      <Field label={t(lang, 'settings.language')}>
        <Select
          value={draft.lang ?? 'auto'}
          onChange={(_, d) => setDraft({ ...draft, lang: d.value === 'ja' || d.value === 'en' ? d.value : null })}
          data-testid="language"
        >
          <option value="auto">Office / 自動</option>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </Select>
      </Field>
      <Button appearance="primary" onClick={() => void save()} disabled={saving || !bandsValid} data-testid="save-settings">
        {t(lang, 'settings.save')}
      </Button>
    </div>
  );
}
