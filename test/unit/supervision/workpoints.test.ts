import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockMarker, cjkNumber, parseWorkPoints } from '../../../src/domain/supervision/workpoints.js';

const policy = (name: string) => readFileSync(new URL(`../../../programs/grassroots-tcm/policies/${name}`, import.meta.url), 'utf8');
const SEED_000 = policy('2024-全国中医药局长会议-七方面重点工作.txt');
const SEED_001 = policy('2024-中医医政工作要点.txt');
const outline = (text: string) => parseWorkPoints(text).map((i) => [i.level, i.path, i.title]);

describe('seed 000: the seven 是-points of the 2024 national conference', () => {
  it('are the tree of seven level-1 items with their first sentences as titles', () => {
    expect(outline(SEED_000)).toEqual([
      [1, '一是', '统筹落实中央关于中医药的重大决策和服务区域协调发展战略，健全跨部门协调机制和专项调度机制，推进实施中医药振兴发展重大工程，力求在落地落实上取得最大效果'],
      [1, '二是', '统筹优质资源提质扩容和补齐服务短板，大力加强中医优势专科建设，促进中医医疗机构发挥中医药特色优势，发挥叠加优势推进中西医结合工作，持续优化中医药服务供给、提升中医药服务质量、推动优质资源下沉，不断巩固、培育、放大优势，最大程度满足群众就医需求'],
      [1, '三是', '统筹促进中药质量提升和产业高质量发展，聚焦产出好药材、研发好中药、评价好疗效，强化统筹、协同发力，促进中药产业链价值链循环畅通，推进现代中药产业体系建设'],
      [1, '四是', '统筹中医药科技创新驱动和人才队伍建设，加快补齐中医药科技创新短板，完善中医药重大科研项目组织形式和管理机制，实施好岐黄工程，大力推进中医药教育改革，推进中医药人才分类评价体系建设，进一步强化中医药高质量发展的科技和人才支撑'],
      [1, '五是', '统筹中医药文化建设和对外交流合作，深入实施中医药文化弘扬工程，创新话语表达方式和载体表现形式，办好群众喜闻乐见的中医药文化传播活动，着眼于高标准落实元首会晤成果和政府间中医药合作协议，推动中医药高质量融入共建“一带一路”，为提升国家文化软实力和中华文化影响力注入更多中医药元素'],
      [1, '六是', '统筹深化中医药改革的重点突破和整体推进，把深化医改中医药工作作为改革重点，扎实推进国家中医药综合改革示范区建设，不断健全中医药法规，推进中医药数字化建设，促进中医药治理体系和治理能力现代化'],
      [1, '七是', '统筹中医药高质量发展和高水平安全，密切关注国内外环境变化和群众健康需求变化，强化预警研判，全力防范化解中医药领域各类风险隐患，坚决做到守土有责、守土尽责'],
    ]);
  });

  it("each item's text is its own paragraph, not the closing paragraphs that follow the list", () => {
    const items = parseWorkPoints(SEED_000);
    expect(items[0]!.text).toBe('统筹落实中央关于中医药的重大决策和服务区域协调发展战略，健全跨部门协调机制和专项调度机制，推进实施中医药振兴发展重大工程，力求在落地落实上取得最大效果。抢抓区域协调发展重大机遇，加快在促协同、建高地上出硬招实招，打造中医药高质量发展新增长极。');
    expect(items[6]!.text).toBe('统筹中医药高质量发展和高水平安全，密切关注国内外环境变化和群众健康需求变化，强化预警研判，全力防范化解中医药领域各类风险隐患，坚决做到守土有责、守土尽责。');
  });
});

describe('seed 001: the 13 points of the 2024 中医医政工作要点 (hard-wrapped, copied from a PDF)', () => {
  it('are the tree of thirteen level-1 items with their headings as titles', () => {
    expect(outline(SEED_001)).toEqual([
      [1, '（一）', '促进优质中医医疗资源提质扩容'],
      [1, '（二）', '推进县级中医医院高质量发展'],
      [1, '（三）', '提升中医医院应急救治能力'],
      [1, '（四）', '提升中药药事管理能力'],
      [1, '（五）', '提升中医药管理能力和服务效能'],
      [1, '（六）', '提升中医药康复服务能力'],
      [1, '（七）', '创新中医护理人员培养模式'],
      [1, '（八）', '持续强化中医医师资格管理'],
      [1, '（九）', '深入实施基层中医药服务能力提升工程'],
      [1, '（十）', '规范开展示范市（县）创建评审'],
      [1, '（十一）', '持续做好中医药健康帮扶工作'],
      [1, '（十二）', '持续推进中医药系统医药领域腐败问题集中整治'],
      [1, '（十三）', '加强行业作风建设'],
    ]);
  });

  it('joins the wrapped lines back: a word or a year split over two lines is whole again', () => {
    const items = parseWorkPoints(SEED_001);
    expect(items[0]!.text.startsWith('促进优质中医医疗资源提质扩容。持续推进中医类国家医学中心、国家区域医疗中心、中医特色重点医院建设。')).toBe(true);
    expect(items[0]!.text.endsWith('开展中医医院儿科、老年病科建设经验交流。')).toBe(true);
    expect(items[4]!.text).toContain('《全面提升医疗质量行动（2023—2025 年）》');
    expect(items[12]!.text.endsWith('统筹做好防灾减灾救灾工作。')).toBe(true);
  });

  it('the preamble (附件, the title, the opening paragraph) is no item and in no item', () => {
    const all = parseWorkPoints(SEED_001).map((i) => i.text).join('');
    expect(all).not.toContain('附件');
    expect(all).not.toContain('2024 年中医医政工作要点');
  });
});

const NESTED = `关于印发某某工作方案的通知
国中医药医政发〔2019〕13号

一、总体要求
到2025年，基层中医药服务能力明显提升。
（一）指导思想。坚持以人民健康为中心。
（二）工作目标。
1. 社区卫生服务中心、乡镇卫生院中医馆设置率达到100%。
2．村卫生室中医药服务提供率达到80%以上。
（1）东部地区2024年底前完成；
（2）中西部地区2025年底前完成。
① 加强督导；
② 按月调度。
二、重点任务
（一）加强中医馆建设。各地要统筹推进，一是完善设施设备；二是配齐中医医师；三是拓展服务内容。
（二）开展适宜技术推广。
三、保障措施
各地要加强组织领导。

国家中医药管理局
2024年3月1日`;

describe('the numbering styles nest by their relative levels', () => {
  it('一、 （一） 1. （1） ① and inline 是 make a five-level tree; numbers, years and dates are no items', () => {
    expect(parseWorkPoints(NESTED).map((i) => [i.level, i.path])).toEqual([
      [1, '一、'],
      [2, '一、/（一）'],
      [2, '一、/（二）'],
      [3, '一、/（二）/1.'],
      [3, '一、/（二）/2．'],
      [4, '一、/（二）/2．/（1）'],
      [4, '一、/（二）/2．/（2）'],
      [5, '一、/（二）/2．/（2）/①'],
      [5, '一、/（二）/2．/（2）/②'],
      [1, '二、'],
      [2, '二、/（一）'],
      [3, '二、/（一）/一是'],
      [3, '二、/（一）/二是'],
      [3, '二、/（一）/三是'],
      [2, '二、/（二）'],
      [1, '三、'],
    ]);
  });

  it("an item's text runs up to its next item; a heading's title is the heading; the signature and date close the last item", () => {
    const items = parseWorkPoints(NESTED);
    expect(items[0]).toMatchObject({ number: '一、', title: '总体要求', text: '总体要求\n到2025年，基层中医药服务能力明显提升。' });
    expect(items[10]).toMatchObject({ number: '（一）', title: '加强中医馆建设', text: '加强中医馆建设。各地要统筹推进，' });
    expect(items[11]).toMatchObject({ number: '一是', title: '完善设施设备', text: '完善设施设备；' });
    expect(items[13]).toMatchObject({ number: '三是', text: '拓展服务内容。' });
    expect(items[15]!.text).toBe('保障措施\n各地要加强组织领导。');
  });

  it('ASCII parentheses and full-width digits are read like their Chinese forms', () => {
    expect(parseWorkPoints('(一)第一项。\n(二)第二项。\n１．细则一\n２．细则二').map((i) => [i.level, i.path])).toEqual([
      [1, '(一)'],
      [1, '(二)'],
      [2, '(二)/１．'],
      [2, '(二)/２．'],
    ]);
  });

  it('the articles of a regulation (第一章, 第一条) are items', () => {
    expect(parseWorkPoints('第一章 总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于全国。\n第二章 申报\n第三条 县级申报。').map((i) => i.path)).toEqual([
      '第一章',
      '第一章/第一条',
      '第一章/第二条',
      '第二章',
      '第二章/第三条',
    ]);
  });
});

describe('what is not an item', () => {
  it('a figure, a year, a document number or a date at the start of a line', () => {
    const text = '一、总体要求\n2024年，全面推进。\n12.5%的机构未达标。\n〔2019〕13号文件要求。\n3月1日起施行。\n2025.1.1前完成。';
    expect(parseWorkPoints(text).map((i) => i.path)).toEqual(['一、']);
  });

  it('a number out of sequence is text: a list starts at 1 and goes on by one', () => {
    const text = '（一）第一项。\n3. 这不是一项，前面没有1和2。\n（二）第二项。\n（四）跳过了（三），是正文。';
    const items = parseWorkPoints(text);
    expect(items.map((i) => i.path)).toEqual(['（一）', '（二）']);
    expect(items[0]!.text).toBe('第一项。\n3. 这不是一项，前面没有1和2。');
    expect(items[1]!.text).toContain('（四）跳过了（三）');
  });

  it('a lone 一是 with no 二是 is ordinary wording', () => {
    expect(parseWorkPoints('（一）要统一思想。唯一是指标。\n（二）第二项。').map((i) => i.path)).toEqual(['（一）', '（二）']);
  });

  it('in hard-wrapped text a line that begins with 一、 in the middle of a sentence is no item', () => {
    const wrapped = [
      '一、总体要求',
      '为深入贯彻落实党中央国务院关于中医药工作的决策部署，推动统',
      '一、协调、高效的基层中医药服务体系建设，结合实际制定本方案',
      '并请各地认真组织实施，确保各项任务落实到位，取得实效。',
      '二、重点任务',
      '各地要按照要求推进中医馆建设，加强中医医师配备，提升服务能',
      '力，扩大服务覆盖面，满足群众就近获得中医药服务的需求，持续',
      '推进。',
    ].join('\n\n');
    const items = parseWorkPoints(wrapped);
    expect(items.map((i) => i.path)).toEqual(['一、', '二、']);
    expect(items[0]!.text).toContain('推动统一、协调、高效');
  });
});

describe('numerals', () => {
  it('Chinese numerals up to 九十九 are read as numbers', () => {
    expect([cjkNumber('一'), cjkNumber('十'), cjkNumber('十三'), cjkNumber('二十'), cjkNumber('九十九'), cjkNumber('一一')]).toEqual([1, 10, 13, 20, 99, NaN]);
  });

  it('a bare "3." (a page number) is not a marker', () => {
    expect(blockMarker('3.')).toBeNull();
    expect(blockMarker('3. 加强')).toMatchObject({ style: 'digitDot', n: 3, number: '3.' });
  });
});
