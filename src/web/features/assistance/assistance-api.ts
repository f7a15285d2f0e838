/** Typed calls for assistance (对口帮扶, 医疗队巡回, 能力建设, 定点帮扶县), typed by the shared API schemas. */
import type {
  ActivityDto, AssessmentBody, CountiesAnswer, CountyPageDto, HelpersAnswer, NewActivityBody, NewPairingBody, NewTeamBody, NewUnitBody, PairingChangesBody, PairingDto, PairingsAnswer,
  PairingsQuery, PairingYearBody, TeamDto, TeamsAnswer, TourBody, TourChangesBody, TourDto, ToursAnswer, UnitChangesBody, UnitDetailDto, UnitDto, UnitsAnswer, UnitsQuery,
} from '../../../domain/api/assistance.js';
import { api } from '../../shared/api.js';

export type { ActivityDto, CountyPageDto, PairingDto, TeamDto, TourDto, UnitDetailDto, UnitDto, UnitsAnswer, PairingsAnswer };

export const assistanceApi = {
  helpers: () => api.get<HelpersAnswer>('/api/assistance/helpers'),
  pairings: (q: Omit<PairingsQuery, 'year'> & { year?: number }) => api.get<PairingsAnswer>('/api/assistance/pairings', { ...q }),
  createPairing: (b: NewPairingBody) => api.post<PairingDto>('/api/assistance/pairings', b),
  updatePairing: (id: number, b: PairingChangesBody) => api.patch<PairingDto>(`/api/assistance/pairings/${id}`, b),
  saveYear: (id: number, year: number, b: PairingYearBody) => api.put<PairingDto>(`/api/assistance/pairings/${id}/years/${year}`, b),
  assess: (id: number, b: AssessmentBody) => api.post<PairingDto>(`/api/assistance/pairings/${id}/assessments`, b),
  teams: () => api.get<TeamsAnswer>('/api/assistance/teams'),
  createTeam: (b: NewTeamBody) => api.post<TeamDto>('/api/assistance/teams', b),
  tours: (q: { teamId?: number; county?: string } = {}) => api.get<ToursAnswer>('/api/assistance/tours', q),
  createTour: (b: TourBody) => api.post<TourDto>('/api/assistance/tours', b),
  updateTour: (id: number, b: TourChangesBody) => api.put<TourDto>(`/api/assistance/tours/${id}`, b),
  units: (q: UnitsQuery) => api.get<UnitsAnswer>('/api/assistance/units', { ...q }),
  unit: (id: number) => api.get<UnitDetailDto>(`/api/assistance/units/${id}`),
  createUnit: (b: NewUnitBody) => api.post<UnitDto>('/api/assistance/units', b),
  updateUnit: (id: number, b: UnitChangesBody) => api.patch<UnitDto>(`/api/assistance/units/${id}`, b),
  addActivity: (id: number, b: NewActivityBody) => api.post<ActivityDto>(`/api/assistance/units/${id}/activities`, b),
  deleteActivity: (id: number, activityId: number) => api.del<{ ok: true }>(`/api/assistance/units/${id}/activities/${activityId}`),
  counties: () => api.get<CountiesAnswer>('/api/assistance/counties'),
  county: (code: string) => api.get<CountyPageDto>(`/api/assistance/counties/${code}`),
};
