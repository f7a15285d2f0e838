/** 在用 (open) or 已撤销 (closed) with the closing date, as a tag. */
import { Tag } from 'antd';
import { formatDate } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';

export function FacilityStatusTag({ closed }: { closed: string | null }) {
  const { t } = useI18n();
  return closed ? (
    <Tag color="red">
      {t('fac.closedTag')} {formatDate(closed)}
    </Tag>
  ) : (
    <Tag color="green">{t('fac.status.open')}</Tag>
  );
}
