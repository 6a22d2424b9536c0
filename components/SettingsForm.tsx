import { checkSettings, RULES, type FineTuneSettings } from '../lib/finetune/settings';
import { t } from '../lib/i18n';

type NumberKey = keyof typeof RULES;

/** The fine-tuning settings, each checked as it is typed. */
export function SettingsForm({ settings, onChange, disabled }: { settings: FineTuneSettings; onChange(s: FineTuneSettings): void; disabled: boolean }) {
  const problems = checkSettings(settings);
  const field = (key: NumberKey, step: string) => (
    <label key={key}>
      {t(RULES[key].label)}
      <input
        type="number"
        name={key}
        step={step}
        min={RULES[key].min}
        max={RULES[key].max}
        value={settings[key]}
        disabled={disabled}
        aria-invalid={!!problems[key]}
        onInput={(e) => onChange({ ...settings, [key]: e.currentTarget.valueAsNumber })}
      />
      {problems[key] && <span class="problem">{problems[key]}</span>}
    </label>
  );
  return (
    <fieldset class="settings" disabled={disabled}>
      <legend>{t('settingsLegend')}</legend>
      {field('epochs', '1')}
      {field('learningRate', 'any')}
      {field('batchSize', '1')}
      {field('trainImages', '500')}
      <label>
        {t('settingsLayers')}
        <select name="layers" value={settings.layers} onChange={(e) => onChange({ ...settings, layers: e.currentTarget.value as 'all' | 'head' })}>
          <option value="all">{t('settingsLayersAll')}</option>
          <option value="head">{t('settingsLayersHead')}</option>
        </select>
      </label>
      {field('correctionWeight', '1')}
    </fieldset>
  );
}
