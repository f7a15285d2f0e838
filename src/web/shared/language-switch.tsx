/** 中文 / English switch; the choice is kept in localStorage. */
import { ConfigProvider, Segmented } from 'antd';
import { useI18n, type Lang } from './i18n.js';

const onDark = {
  components: {
    Segmented: {
      trackBg: 'rgba(255,255,255,0.14)',
      itemColor: 'rgba(255,255,255,0.85)',
      itemHoverColor: '#ffffff',
      itemHoverBg: 'rgba(255,255,255,0.12)',
      itemSelectedBg: '#ffffff',
      itemSelectedColor: '#14513c',
    },
  },
};

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useI18n();
  const control = (
    <Segmented<Lang>
      size="small"
      data-testid="language-switch"
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
  return dark ? <ConfigProvider theme={onDark}>{control}</ConfigProvider> : control;
}
