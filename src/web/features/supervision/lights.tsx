/** The lights (督办灯) as tags, and the small bilingual text helper of the supervision pages. */
import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n.js';

export const LIGHT_COLOR: Record<string, string> = { red: 'red', yellow: 'gold', blue: 'blue', green: 'green', done: 'default' };
export const LIGHT_TEXT: Record<string, { zh: string; en: string }> = {
  red: { zh: '红灯', en: 'Red' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  blue: { zh: '蓝灯', en: 'Blue' },
  green: { zh: '正常', en: 'On track' },
  done: { zh: '已完成', en: 'Done' },
};
export const STATE_TEXT: Record<string, { zh: string; en: string }> = {
  not_started: { zh: '未启动', en: 'Not started' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成待销号', en: 'Done, to verify' },
  closed: { zh: '已销号', en: 'Closed' },
  open: { zh: '整改中', en: 'Open' },
  submitted: { zh: '待核验', en: 'To verify' },
};

/** Chinese first, English second: the text in the user's language. */
export function useL() {
  const { pick } = useI18n();
  return (zh: string, en: string) => pick({ zh, en });
}

export function LightTag({ light }: { light: string | null | undefined }) {
  const { pick } = useI18n();
  if (!light) return null;
  return (
    <Tag color={LIGHT_COLOR[light]} data-testid={`light-${light}`}>
      {pick(LIGHT_TEXT[light])}
    </Tag>
  );
}
