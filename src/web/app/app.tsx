/** The application shell: theme, locale, router and routes. */
import { HelpPage } from '../features/help/help-page.js';
import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ApprovalPage } from '../features/approval/approval-page.js';
import { CompletenessPage } from '../features/approval/completeness-page.js';
import { AuditPage } from '../features/audit/audit-page.js';
import { EntryPage } from '../features/data-entry/entry-page.js';
import { UsersPage } from '../features/identity/users-page.js';
import { ImportPage } from '../features/import-export/import-page.js';
import { AnalysisPage } from '../features/indicators/analysis-page.js';
import { AnnualReportPage } from '../features/indicators/annual-report-page.js';
import { DashboardPage } from '../features/indicators/dashboard-page.js';
import { QualityPage } from '../features/approval/quality-page.js';
import { EvaluationPage } from '../features/evaluation/evaluation-page.js';
import { SupervisionPage } from '../features/supervision/supervision-page.js';
import { TaskPage } from '../features/supervision/task-page.js';
import { RectPage } from '../features/supervision/rect-page.js';
import { InboxPage } from '../features/supervision/inbox-page.js';
import { PrintTaskPage } from '../features/supervision/print-task-page.js';
import { ProjectsPage } from '../features/projects/projects-page.js';
import { ProjectPage } from '../features/projects/project-page.js';
import { AllocatePage } from '../features/projects/allocate-page.js';
import { AssistancePage } from '../features/assistance/assistance-page.js';
import { CountyPage as AssistanceCountyPage } from '../features/assistance/county-page.js';
import { ApplicationPage } from '../features/evaluation/application-page.js';
import { OnsitePage } from '../features/evaluation/onsite-page.js';
import { PrintListsPage } from '../features/evaluation/print-lists-page.js';
import { PrintSheetPage } from '../features/evaluation/print-sheet-page.js';
import { DefinitionsPage } from '../features/help/definitions-page.js';
import { DataPeriodGate } from '../features/indicators/data-period-gate.js';
import { FacilityViewPage } from '../features/indicators/facility-view-page.js';
import { IndicatorsPage } from '../features/indicators/indicators-page.js';
import { DivisionsPage } from '../features/org-units/divisions-page.js';
import { FacilitiesPage } from '../features/org-units/facilities-page.js';
import { useI18n } from '../shared/i18n.js';
import { AppLayout } from './app-layout.js';
import { AuthProvider, homePath, RequireAuth, useUser } from './auth.js';
import { LoginPage } from './login-page.js';
import { NotFoundPage } from './not-found-page.js';
import { PasswordGate } from './password-forced-page.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;
/** antd's es/ files are ESM at run time but typed as CommonJS under NodeNext: take `default` when present. */
const esmDefault = (m: unknown) => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = esmDefault(zhCNModule);
const enUS = esmDefault(enUSModule);

export const TCM_GREEN = '#1f7a5a';

const theme = {
  // The palette antd derives from a dark green is greyish: the light shades are set by hand.
  token: {
    colorPrimary: TCM_GREEN,
    colorPrimaryHover: '#2d9170',
    colorPrimaryActive: '#17614a',
    colorPrimaryBg: '#e7f3ed',
    colorPrimaryBgHover: '#d4eadf',
    colorPrimaryBorder: '#b3d9c7',
    colorPrimaryBorderHover: '#86c2a7',
    colorPrimaryText: TCM_GREEN,
    colorPrimaryTextHover: '#2d9170',
    colorPrimaryTextActive: '#17614a',
    colorLink: TCM_GREEN,
    colorLinkHover: '#2d9170',
    colorLinkActive: '#17614a',
    borderRadius: 6,
  },
  components: { Layout: { headerBg: '#14513c', siderBg: '#ffffff', bodyBg: '#f3f6f4' } },
};

export function App() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={theme}
      modal={{ mask: { blur: false } }}
      drawer={{ mask: { blur: false } }}
    >
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <PasswordGate>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="/report"
                  element={
                    <RequireAuth>
                      <DataPeriodGate param="period">
                        <AnnualReportPage />
                      </DataPeriodGate>
                    </RequireAuth>
                  }
                />
                <Route path="/evaluation/print/applications/:id" element={<RequireAuth><PrintSheetPage /></RequireAuth>} />
                <Route path="/evaluation/print/cycles/:code" element={<RequireAuth><PrintListsPage /></RequireAuth>} />
                <Route path="/supervision/print/tasks/:id" element={<RequireAuth><PrintTaskPage /></RequireAuth>} />
                <Route
                  path="/definitions"
                  element={
                    <RequireAuth>
                      <DefinitionsPage />
                    </RequireAuth>
                  }
                />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<HomeRedirect />} />
                  <Route path="/dashboard" element={<DataPeriodGate param="period"><DashboardPage /></DataPeriodGate>} />
                  <Route path="/indicators" element={<DataPeriodGate param="period"><IndicatorsPage /></DataPeriodGate>} />
                  <Route path="/analysis" element={<DataPeriodGate param="periods" skipIf="fav"><AnalysisPage /></DataPeriodGate>} />
                  <Route path="/divisions" element={<DivisionsPage />} />
                  <Route path="/facilities" element={<FacilitiesPage />} />
                  <Route path="/facilities/:code" element={<FacilityViewPage />} />
                  <Route path="/entry" element={<EntryPage />} />
                  <Route path="/import" element={<ImportPage />} />
                  <Route path="/completeness" element={<CompletenessPage />} />
                  <Route path="/approval" element={<ApprovalPage />} />
                  <Route path="/quality" element={<QualityPage />} />
                  <Route path="/evaluation" element={<EvaluationPage />} />
                  <Route path="/evaluation/applications/:id" element={<ApplicationPage />} />
                  <Route path="/evaluation/applications/:id/onsite" element={<OnsitePage />} />
                  <Route path="/supervision" element={<SupervisionPage />} />
                  <Route path="/supervision/tasks/:id" element={<TaskPage />} />
                  <Route path="/supervision/rect/:id" element={<RectPage />} />
                  <Route path="/projects" element={<ProjectsPage />} />
                  <Route path="/projects/:id" element={<ProjectPage />} />
                  <Route path="/funds/allocate" element={<AllocatePage />} />
                  <Route path="/assistance" element={<AssistancePage />} />
                  <Route path="/assistance/counties/:code" element={<AssistanceCountyPage />} />
                  <Route path="/inbox" element={<InboxPage />} />
                  <Route path="/users" element={<RequireAuth admin><UsersPage /></RequireAuth>} />
                  <Route path="/audit" element={<RequireAuth admin><AuditPage /></RequireAuth>} />
                  <Route path="/help" element={<HelpPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </PasswordGate>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** `/`: the dashboard for officials, data entry for facility reporters (they see no indicators). */
function HomeRedirect() {
  return <Navigate to={homePath(useUser())} replace />;
}
