/**
 * The canonical variables: value type, whether they are measured repeatedly (blood draws), and
 * the column names hospital exports use for them (English, abbreviations, Chinese). Units of the
 * laboratory variables are src/units'; the others (tumour size, age, NLR, monocyte %, follow-up
 * time) carry their units, plausible single values and typical medians here.
 *
 * @example
 * CANONICAL.tumourSize.units!.mm // 0.1  (mm → cm)
 */
import type { CanonicalVariable, ValueType } from './types.js';

export interface CanonicalInfo {
  type: ValueType;
  /** Measured at each blood draw (may repeat in long data) rather than once per patient. */
  measurement: boolean;
  label: string;
  /** Canonical unit ('' when unitless). */
  unit?: string;
  /** Accepted units → factor that converts a value in that unit to the canonical unit. */
  units?: Record<string, number>;
  /** Plausible single values, in the canonical unit. */
  plausible?: [number, number];
  /** Plausible median of a column, in the canonical unit (a median outside means a wrong unit). */
  medianRange?: [number, number];
  /** Column names (normalised: lower case, words separated by one space) that mean this variable. */
  synonyms: string[];
}

const PERCENT_UNITS: Record<string, number> = { '%': 1, fraction: 100 };
const TIME_UNITS: Record<string, number> = { days: 1, weeks: 7, months: 365.25 / 12, years: 365.25 };

/** A laboratory variable: units, plausibility and typical medians are src/units' (see src/cohort/variableUnits.ts). */
const lab = (label: string, synonyms: string[]): CanonicalInfo => ({ type: 'number', measurement: true, label, synonyms });
const date = (label: string, synonyms: string[]): CanonicalInfo => ({ type: 'date', measurement: false, label, synonyms });
const flag = (label: string, synonyms: string[]): CanonicalInfo => ({ type: 'binary', measurement: false, label, synonyms });
const cat = (label: string, synonyms: string[]): CanonicalInfo => ({ type: 'category', measurement: false, label, synonyms });

export const CANONICAL: Readonly<Record<CanonicalVariable, CanonicalInfo>> = {
  patientId: {
    type: 'text', measurement: false, label: 'patient id',
    synonyms: ['patient id', 'patientid', 'patient', 'id', 'pid', 'subject id', 'sample id', 'case id', 'mrn', 'record id',
      'patient no', 'hospital number', '住院号', '病案号', '患者id', '患者编号', '病历号', '编号', '登记号', 'id号'],
  },
  treatmentDate: date('treatment date', ['treatment date', 'date of treatment', 'tace date', 'surgery date', 'operation date',
    'date of surgery', 'admission time', 'admission date', 'start date', 'treatment start', 'io start date',
    '治疗日期', '手术日期', '入院时间', '入院日期', '介入日期']),
  baselineDate: date('baseline date', ['baseline date', 'diagnosis date', 'date of diagnosis', 'enrolment date', 'enrollment date', '诊断日期', '基线日期']),
  drawDate: date('blood draw date', ['draw date', 're date', 'sample date', 'test date', 'lab date', 'blood date', 'collection date',
    'report date', '采血日期', '检验日期', '报告日期', '采样时间', '检验时间']),
  lastFollowUpDate: date('date of last follow-up', ['last follow up date', 'last follow up', 'date of last follow up', 'follow up date',
    'discharge time', 'discharge date', 'last contact', 'censor date', '末次随访日期', '随访日期', '出院时间', '出院日期']),
  recurrenceDate: date('recurrence date', ['recurrence date', 'date of recurrence', 'relapse date', '复发日期', '复发时间']),
  metastasisDate: date('metastasis date', ['metastasis date', 'date of metastasis', '转移日期', '转移时间']),
  deathDate: date('death date', ['death date', 'date of death', '死亡日期', '死亡时间']),
  followUpTime: {
    type: 'number', measurement: false, label: 'follow-up time', units: TIME_UNITS, plausible: [0, 100000],
    synonyms: ['os months', 'os time', 'os', 'overall survival', 'survival time', 'follow up time', 'follow up months', 'follow up',
      'time', 'futime', 'os days', 'pfs months', 'rfs months', 'dfs months', '随访时间', '生存时间', '随访月数'],
  },
  age: { type: 'number', measurement: false, label: 'age', unit: 'years', units: { years: 1 }, plausible: [0, 120], medianRange: [15, 95], synonyms: ['age', 'age years', '年龄'] },
  sex: cat('sex', ['sex', 'gender', '性别']),
  neutrophils: lab('neutrophil count', ['neutrophils', 'neutrophil', 'neutrophils count', 'neutrophil count', 'neut',
    'neut#', 'neu', 'neu#', 'anc', 'absolute neutrophil count', 'neutrophil absolute', '中性粒细胞计数', '中性粒细胞绝对值', '中性粒细胞数']),
  lymphocytes: lab('lymphocyte count', ['lymphocytes', 'lymphocyte', 'lymphocyte count', 'lymphocytes count', 'lymph',
    'lymph#', 'lym', 'lym#', 'alc', 'absolute lymphocyte count', 'lymphocyte absolute', '淋巴细胞计数', '淋巴细胞绝对值', '淋巴细胞数']),
  platelets: lab('platelet count', ['platelets', 'platelet', 'platelet count', 'platelets count', 'plt', 'plt#',
    'plts', 'thrombocytes', '血小板计数', '血小板', '血小板数']),
  monocytes: lab('monocyte count', ['monocytes', 'monocyte', 'monocytes count', 'monocyte count', 'mono', 'mono#',
    'mon', 'mon#', '单核细胞计数', '单核细胞绝对值']),
  whiteCells: lab('white cell count', ['wbc', 'white blood cell count', 'white blood cells', 'white cell count',
    'leukocytes', 'leucocytes', 'leukocyte count', 'wbc count', '白细胞计数', '白细胞']),
  neutrophilPercent: lab('neutrophils (%)', ['neutrophils %', 'neutrophil %', 'neut %', 'neu %', 'neutrophils percent',
    'neutrophil ratio', 'neutrophil percentage', '中性粒细胞百分比', '中性粒细胞比例', '中性粒细胞比率']),
  lymphocytePercent: lab('lymphocytes (%)', ['lymphocytes %', 'lymphocyte %', '% lymphocyte', 'lymph %', 'lym %',
    'lymphocyte ratio', 'lymphocyte percentage', '淋巴细胞百分比', '淋巴细胞比例', '淋巴细胞比率']),
  monocytePercent: { type: 'number', measurement: true, label: 'monocytes (%)', unit: '%', units: PERCENT_UNITS, plausible: [0, 100], medianRange: [0.5, 30], synonyms: ['monocytes %', 'monocyte %', 'mono %', 'mon %', 'monocyte percentage',
    '单核细胞百分比', '单核细胞比例'] },
  nlr: { type: 'number', measurement: true, label: 'neutrophil-to-lymphocyte ratio', unit: '', units: { '': 1, ratio: 1 }, plausible: [0, 1000],
    medianRange: [0.3, 50], synonyms: ['nlr', 'neutrophil lymphocyte ratio', 'neutrophil to lymphocyte ratio', '中性粒细胞淋巴细胞比值'] },
  afp: { type: 'number', measurement: true, label: 'AFP', synonyms: ['afp', 'alpha fetoprotein', 'alpha-fetoprotein', 'a fetoprotein', 'afp ng ml', '甲胎蛋白', '甲胎蛋白 afp'] },
  albumin: { type: 'number', measurement: true, label: 'albumin', synonyms: ['albumin', 'alb', 'serum albumin', '白蛋白', '血清白蛋白'] },
  bilirubin: { type: 'number', measurement: true, label: 'total bilirubin', synonyms: ['total bilirubin', 'bilirubin', 'tbil', 't bil', 'total bil', 'tbili', '总胆红素'] },
  tumourSize: { type: 'number', measurement: false, label: 'tumour size', unit: 'cm', units: { cm: 1, mm: 0.1 }, plausible: [0, 40],
    medianRange: [0.3, 25], synonyms: ['tumour size', 'tumor size', 'size', 'tumor diameter', 'tumour diameter', 'maximum diameter',
      'max diameter', 'tumor size cm', '肿瘤大小', '肿瘤直径', '最大径', '肿瘤最大径'] },
  lesionCount: { type: 'integer', measurement: false, label: 'number of lesions', plausible: [0, 100], synonyms: ['number of lesions',
    'lesions', 'lesion count', 'tumor number', 'tumour number', 'number of tumors', 'nodules', '病灶数目', '病灶数', '肿瘤数目', '肿瘤个数'] },
  vascularInvasion: flag('vascular invasion', ['vascular invasion', 'vi', 'mvi', 'microvascular invasion', '血管侵犯', '脉管侵犯', '微血管侵犯']),
  tumourThrombus: flag('tumour thrombus', ['tumour thrombus', 'tumor thrombus', 'vascular tumor thrombus', 'pvtt', 'portal vein tumor thrombus',
    '癌栓', '门静脉癌栓', '血管癌栓']),
  capsule: flag('tumour capsule', ['capsule', 'tumor capsule', 'tumour capsule', 'complete capsule', '包膜', '肿瘤包膜', '包膜完整']),
  childPugh: cat('Child–Pugh class', ['child pugh', 'child pugh class', 'child pugh grade', 'child', 'cp class', 'child pugh score', 'child-pugh分级', '肝功能分级']),
  hepatitisB: flag('hepatitis B', ['hepatitis b', 'hbv', 'hbsag', '乙肝', '乙型肝炎']),
  treatment: cat('treatment', ['treatment', 'therapy', 'treatment type', 'drug', 'drug class', 'regimen', '治疗方式', '治疗方法', '治疗']),
  response: cat('response', ['response', 'best response', 'tumour response', 'tumor response', 'mrecist', 'recist', '疗效', '疗效评价']),
  recurrence: flag('recurrence', ['recurrence', 'relapse', 'recurrence or metastasis', 'pfs event', 'rfs event', 'progression', '复发', '复发转移']),
  metastasis: flag('metastasis', ['metastasis', 'distant metastasis', '转移']),
  death: flag('death', ['death', 'died', 'dead', 'os event', 'status', 'vital status', 'outcome', 'mortality', '死亡', '结局']),
};

export const CANONICAL_NAMES = Object.keys(CANONICAL) as CanonicalVariable[];

export function isCanonical(name: string): name is CanonicalVariable {
  return Object.prototype.hasOwnProperty.call(CANONICAL, name);
}

/** Factor converting `unit` to days, or null when it is not a time unit. */
export function daysPer(unit: string): number | null {
  return TIME_UNITS[unit] ?? null;
}
