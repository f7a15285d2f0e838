/**
 * /help (帮助): how to do the work, for the user's role first (填报员, 管理员, 查看者); the 数据字典
 * and 指标口径 made from the metadata, as Excel and printable (PDF through the browser); and whom
 * to call — the operator's GTCM_SUPPORT_CONTACT.
 */
import { DownloadOutlined, PrinterOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { api, errorText } from '../../shared/api.js';
import { saveBlob } from '../../shared/download.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useDataSetMeta } from '../../shared/use-metadata.js';

const GUIDES: { key: 'reporter' | 'area' | 'viewer'; steps: MessageKey[] }[] = [
  { key: 'reporter', steps: ['help.reporter.1', 'help.reporter.2', 'help.reporter.3', 'help.reporter.4'] },
  { key: 'area', steps: ['help.area.1', 'help.area.2', 'help.area.3'] },
  { key: 'viewer', steps: ['help.viewer.1', 'help.viewer.2', 'help.viewer.3'] },
];

export function HelpPage() {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { meta } = useDataSetMeta();
  const [busy, setBusy] = useState<string | null>(null);
  const mine = user.role === 'FACILITY_REPORTER' ? 'reporter' : user.role === 'VIEWER' ? 'viewer' : 'area';
  const ordered = [...GUIDES].sort((a, b) => (a.key === mine ? -1 : b.key === mine ? 1 : 0));

  const download = async (path: string, name: string) => {
    setBusy(path);
    try {
      const { blob, fileName } = await api.getBlob(path);
      saveBlob(blob, fileName ?? name);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="help-page">
      <PageTitle>{t('help.title')}</PageTitle>
      <Card size="small" title={t('help.forYou')} style={{ marginBottom: 12 }}>
        <Collapse
          defaultActiveKey={[mine]}
          items={ordered.map((g) => ({
            key: g.key,
            label: t(`help.role.${g.key}` as MessageKey),
            children: (
              <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid={`help-guide-${g.key}`}>
                {g.steps.map((s) => (
                  <li key={s} style={{ marginBottom: 6 }}>
                    {t(s)}
                  </li>
                ))}
              </ol>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('help.downloads')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">{t('help.downloadsHint')}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={busy === '/api/metadata/data-dictionary'} onClick={() => void download('/api/metadata/data-dictionary', '数据字典.xlsx')} data-testid="help-dictionary">
            {t('help.dictionary')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={busy === '/api/metadata/indicator-definitions'} onClick={() => void download('/api/metadata/indicator-definitions', '指标口径.xlsx')} data-testid="help-definitions">
            {t('help.definitions')}
          </Button>
          <Link to="/definitions" data-testid="help-printable">
            <Button icon={<PrinterOutlined />}>{t('help.printable')}</Button>
          </Link>
        </Space>
        {meta ? (
          <table className="help-dictionary" style={{ width: '100%', marginTop: 12, borderCollapse: 'collapse', fontSize: 13 }} data-testid="help-dictionary-table">
            <tbody>
              {meta.dataSet.sections.flatMap((s) =>
                s.elements.map((e) => {
                  const el = meta.elements.get(e.code);
                  return (
                    <tr key={e.code} style={{ borderBottom: '1px solid #eef1ef' }}>
                      <td style={{ padding: '4px 8px', whiteSpace: 'nowrap', color: '#667' }}>{e.code}</td>
                      <td style={{ padding: '4px 8px' }}>{el ? (lang === 'en' ? el.name.en : el.name.zh) : e.code}</td>
                      <td style={{ padding: '4px 8px', color: '#667' }}>{el?.help ? (lang === 'en' ? el.help.en : el.help.zh) : ''}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        ) : null}
      </Card>
      <Card size="small" title={<Space><CustomerServiceOutlined />{t('help.support')}</Space>}>
        <Typography.Text data-testid="help-support">{meta?.support ?? t('help.noSupport')}</Typography.Text>
      </Card>
    </div>
  );
}
