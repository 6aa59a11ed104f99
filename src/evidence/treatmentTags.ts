/**
 * The treatment tags a free-text treatment names, so that a patient's `--treatment` can be
 * compared with each study's treatment ("cTACE", "chemoembolisation" → TACE; "radiofrequency
 * ablation" → RFA). Unknown treatments give no tag (and so differ from every study).
 *
 * @example
 * treatmentTags('DEB-TACE')                   // ['TACE']
 * treatmentTags('TACE + radiofrequency ablation') // ['TACE', 'RFA']
 * treatmentTags('atezolizumab-bevacizumab')   // ['atezolizumab', 'bevacizumab']
 */
const SYNONYMS: readonly [RegExp, string][] = [
  [/tace|chemoemboli[sz]ation|transarterial chemo|transcatheter arterial/, 'TACE'],
  [/\brfa\b|radiofrequency|radio-frequency/, 'RFA'],
  [/\bmwa\b|microwave/, 'MWA'],
  [/regorafenib|stivarga/, 'regorafenib'],
  [/sorafenib|nexavar/, 'sorafenib'],
  [/lenvatinib/, 'lenvatinib'],
  [/atezolizumab/, 'atezolizumab'],
  [/bevacizumab/, 'bevacizumab'],
  [/nivolumab|pembrolizumab|durvalumab|tremelimumab|ipilimumab|immunotherapy|checkpoint/, 'immunotherapy'],
  [/resection|hepatectomy|surgery|surgical/, 'resection'],
  [/transplant/, 'transplantation'],
  [/\bhaic\b|hepatic arterial infusion/, 'HAIC'],
  [/radiotherapy|\bsbrt\b|tare|radioemboli|y-?90/, 'radiation'],
];

export function treatmentTags(text: string): string[] {
  const t = text.toLowerCase();
  return SYNONYMS.filter(([re]) => re.test(t)).map(([, tag]) => tag);
}
