/**
 * Names of the demo facilities, made from the names of their divisions: 「永定街道」→
 * 永定社区卫生服务中心, 「罗免镇」→ 罗免镇(中心)卫生院, 「东李村村委会」→ 东李村卫生室, a county's
 * 中医医院 (藏医院, 蒙医医院, 民族医医院, … where the region has them). Pure; the draws come
 * from the facility's stream, in the order the generator makes them.
 */
import type { Division } from '../../domain/org-unit.js';
import type { FacilityType } from '../../domain/facility.js';
import type { Rng } from './demo-random.js';

const PRIVATE_BRANDS = ['仁和', '康宁', '济民', '同仁', '博爱', '华康', '仁济', '德仁', '益康', '惠民'];

function stripSuffix(name: string, re: RegExp): string {
  const s = name.replace(re, '');
  return s.length > 0 ? s : name;
}

export function hospitalName(d: Division, publicOwned: boolean, r: Rng): string {
  const prov = d.code.slice(0, 2);
  const u = r.next();
  if (!publicOwned) return `${d.name}${PRIVATE_BRANDS[Math.floor(r.next() * PRIVATE_BRANDS.length)]}中医医院`;
  if (prov === '54') return `${d.name}${u < 0.7 ? '藏医院' : '中医医院'}`;
  if (prov === '15' && (d.kind === 'BANNER' || d.kind === 'AUTONOMOUS_BANNER'))
    return `${d.name}${u < 0.4 ? '蒙医医院' : u < 0.7 ? '蒙中医医院' : '中医医院'}`;
  if (prov === '63' && u < 0.25) return `${d.name}藏医院`;
  if (prov === '65' && u < 0.2) return `${d.name}维吾尔医医院`;
  if ((d.kind === 'AUTONOMOUS_COUNTY' || d.kind === 'AUTONOMOUS_BANNER') && u < 0.15) return `${d.name}民族医医院`;
  if (u > 0.95) return `${d.name}中西医结合医院`;
  return `${d.name}中医医院`;
}

function thcName(d: Division, r: Rng): string {
  const central = r.next() < (d.kind === 'TOWN' ? 0.3 : d.kind === 'TOWNSHIP' ? 0.08 : 0.05);
  // Township-level units of kind "other" (开发区管理委员会, 农场, …) drop an administrative suffix.
  const base = d.kind === 'OTHER' ? stripSuffix(d.name, /(管理委员会|管委会|委员会)$/) : d.name;
  return `${base}${central ? '中心卫生院' : '卫生院'}`;
}

function chcName(d: Division): string {
  return `${stripSuffix(d.name, /(街道办事处|街道|办事处)$/)}社区卫生服务中心`;
}

function chssName(d: Division): string {
  const base = committeeBase(d.name).base.replace(/社区$/, '');
  return base ? `${base}社区卫生服务站` : `社区卫生服务站（${d.code}）`; // the name was only 「社区居委会」
}

/** 「东李村村委会」→ 东李村, 「京野村委会」→ 京野村, 「宝拉格嘎查委员会」→ 宝拉格嘎查, 「秀甲牧委会」→ 秀甲村. */
function vcName(d: Division): string {
  const { base, village } = committeeBase(d.name);
  if (!base) return `村卫生室（${d.code}）`;
  const needsCun = (village || d.kind === 'VILLAGERS_COMMITTEE') && !/(村|嘎查|社区|生活区|居)$/.test(base);
  return `${base}${needsCun ? '村' : ''}卫生室`;
}

/** The name of the grassroots facility of a township- or village-level division (a THC draws once). */
export function grassrootsName(type: FacilityType, d: Division, r: Rng): string {
  switch (type) {
    case 'THC':
      return thcName(d, r);
    case 'CHC':
      return chcName(d);
    case 'CHSS':
      return chssName(d);
    default:
      return vcName(d);
  }
}

/** Trailing notes in brackets: 「共乐村委会（新）」, 「小东关居委会（社区）」. */
const TRAILING_NOTES = /(?:（[^（）]*）|\([^()]*\))+$/;
/**
 * The committee suffix of a village-level name, in the many spellings of the real data:
 * 村委会, 村民委员会, 居民委员会, 社区居民管理委员会, 牧委会, 嘎查人民委员会, 村民员委会, （居）委会, 街道委员会, …
 */
const COMMITTEE = /(（[村居]）|街道|[村居牧渔家子人])?民?(?:管理|治理)?(?:员委会|委员会|委会)会?$/;

/** A village-level name without notes and committee suffixes (and whether the suffix was a village's). */
function committeeBase(name: string): { base: string; village: boolean } {
  let base = name.replace(TRAILING_NOTES, '');
  let village = false;
  for (let i = 0; i < 3; i++) {
    const m = base.match(COMMITTEE);
    if (m) {
      if (m[1] === undefined || /[村牧渔子]/.test(m[1])) village = true;
      base = base.slice(0, m.index);
    } else if (base.endsWith('社区') && COMMITTEE.test(base.slice(0, -2))) {
      base = base.slice(0, -2); // 「第九居民委员会社区」
    } else break;
  }
  return { base, village };
}
