/**
 * The 数据字典 (every data element of every data set: code, name, type, options, the facility
 * types it applies to, whether it is required, its help) and the 指标口径 (every indicator: what
 * it counts, over what, for which facilities, its targets and their sources) as files made from
 * the metadata the platform runs on — so the definitions handed out never drift from the figures.
 */
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import type { Condition, Indicator } from '../../../domain/indicator.js';
import { requiredElements } from '../../../domain/program.js';
import { tableFile, type Cell, type TableColumn, type TableFile, type TableFormat } from '../files/table-file.js';
import type { MetadataService } from './metadata.service.js';

const VALUE_TYPES: Record<string, string> = { BOOLEAN: '是/否', INTEGER: '整数', NUMBER: '数值', TEXT: '文本', MULTI_OPTION: '多选' };
const KINDS: Record<string, string> = { FACILITY_SHARE: '机构占比', RATIO: '比率', COUNTY_SHARE: '县级单位占比', FACT: '业务数据比率' };
const typeNames = (types: readonly string[]) => types.map((t) => FACILITY_TYPE_NAMES[t as FacilityType]?.zh ?? t).join('、');

/** A definitions table: its columns and rows, the same for the file and the printable page. */
export interface DefinitionTable {
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}

export class DictionaryService {
  constructor(private readonly metadata: MetadataService) {}

  dataDictionary(format: TableFormat): TableFile {
    const { columns, rows } = this.dataDictionaryTable();
    return tableFile('数据字典', '数据字典', columns, rows, format);
  }

  indicatorDefinitions(format: TableFormat): TableFile {
    const { columns, rows } = this.indicatorDefinitionsTable();
    return tableFile('指标口径', '指标口径', columns, rows, format);
  }

  dataDictionaryTable(): DefinitionTable {
    const rows: Record<string, Cell>[] = [];
    for (const ds of this.metadata.dataSets.values())
      for (const section of ds.sections)
        for (const e of section.elements) {
          const el = this.metadata.elements.get(e.code)!;
          const options = el.optionSet ? (this.metadata.optionSets.get(el.optionSet)?.options ?? []).map((o) => `${o.code} ${o.name.zh}`).join('；') : '';
          const requiredFor = e.appliesTo.filter((t) => requiredElements(ds, t).includes(e.code));
          rows.push({
            data_set: ds.code,
            section: section.name.zh,
            code: e.code,
            name: el.name.zh,
            name_en: el.name.en,
            value_type: VALUE_TYPES[el.valueType] ?? el.valueType,
            range: el.min !== undefined || el.max !== undefined ? `${el.min ?? ''}–${el.max ?? ''}` : '',
            options,
            applies_to: typeNames(e.appliesTo),
            required_for: typeNames(requiredFor),
            help: el.help?.zh ?? '',
          });
        }
    return {
      rows,
      columns: [
      { key: 'data_set', header: '数据集', width: 14 },
      { key: 'section', header: '分组', width: 16 },
      { key: 'code', header: '编码', width: 24 },
      { key: 'name', header: '名称', width: 30 },
      { key: 'name_en', header: 'Name', width: 30 },
      { key: 'value_type', header: '类型', width: 8 },
      { key: 'range', header: '取值范围', width: 10 },
      { key: 'options', header: '选项', width: 40 },
      { key: 'applies_to', header: '适用机构', width: 36 },
      { key: 'required_for', header: '必填机构', width: 36 },
      { key: 'help', header: '填报说明', width: 50 },
      ],
    };
  }

  indicatorDefinitionsTable(): DefinitionTable {
    const rows = [...this.metadata.indicators.values()].map((i) => ({
      code: i.code,
      name: i.name.zh,
      name_en: i.name.en,
      kind: KINDS[i.kind] ?? i.kind,
      definition: i.description?.zh ?? this.describe(i),
      types: typeNames(i.types ?? []),
      targets: i.targets.map((t) => `${t.comparison === '>=' ? '≥' : '≤'} ${Math.round(t.threshold * 1000) / 10}%（${t.deadline.slice(0, 4)}年底）${t.clause ? ` ${t.clause.zh}` : ''}`).join('；') || '监测指标（无目标值）',
      source: i.targets.map((t) => t.source).join('；'),
      data_set: i.dataSet,
    }));
    return {
      rows,
      columns: [
      { key: 'code', header: '编码', width: 28 },
      { key: 'name', header: '指标', width: 30 },
      { key: 'name_en', header: 'Indicator', width: 30 },
      { key: 'kind', header: '类型', width: 12 },
      { key: 'definition', header: '口径（分子 / 分母）', width: 60 },
      { key: 'types', header: '统计机构', width: 30 },
      { key: 'targets', header: '目标', width: 40 },
      { key: 'source', header: '依据', width: 16 },
      { key: 'data_set', header: '数据集', width: 14 },
      ],
    };
  }

  /** An indicator's numerator and denominator in words, from its definition. */
  private describe(i: Indicator): string {
    const name = (code: string) => this.metadata.elements.get(code)?.name.zh ?? code;
    const n = i.numerator as Condition | { sum: string } | { fact: string };
    if ('fact' in n) {
      const d = i.denominator as { fact: string } | { facilities: { types: string[] } };
      return `${n.fact} / ${'fact' in d ? d.fact : `在运营的 ${d.facilities.types.join('、')} 数`}`;
    }
    if ('sum' in n) return `${name(n.sum)}之和 / ${name((i.denominator as { sum: string } | undefined)?.sum ?? '')}之和`;
    if ('element' in n) return `${name(n.element)} ${n.op} ${String(n.value === true ? '是' : n.value === false ? '否' : n.value)} 的机构数 / 应报机构数`;
    if ('optionCount' in n) return `${name(n.optionCount)}选项数 ${n.op} ${String(n.value)} 的机构数 / 应报机构数`;
    return '';
  }
}
