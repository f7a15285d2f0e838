import { describe, expect, it } from 'vitest';
import { grassrootsTypeFor, isOpenIn } from './facility.js';

describe('facilities', () => {
  it('places the grassroots facility each division kind gets', () => {
    expect(grassrootsTypeFor(4, 'SUBDISTRICT', '华山街道')).toBe('CHC');
    expect(grassrootsTypeFor(4, 'TOWN', '东于镇')).toBe('THC');
    expect(grassrootsTypeFor(4, 'TOWNSHIP', '南高乡')).toBe('THC');
    expect(grassrootsTypeFor(4, 'OTHER', '南磨房地区')).toBe('CHC');
    expect(grassrootsTypeFor(4, 'OTHER', '某某农场')).toBe('THC');
    expect(grassrootsTypeFor(5, 'RESIDENTS_COMMITTEE', '银闸社区')).toBe('CHSS');
    expect(grassrootsTypeFor(5, 'VILLAGERS_COMMITTEE', '石桥村委会')).toBe('VC');
    expect(grassrootsTypeFor(3, 'COUNTY', '富民县')).toBeNull();
  });

  it('is open in a period when opened by its end and not closed before its start', () => {
    expect(isOpenIn({ opened: '2024-12-31', closed: null }, '2024-01-01', '2024-12-31')).toBe(true);
    expect(isOpenIn({ opened: '2025-01-01', closed: null }, '2024-01-01', '2024-12-31')).toBe(false);
    expect(isOpenIn({ opened: '2000-01-01', closed: '2024-01-01' }, '2024-01-01', '2024-12-31')).toBe(true);
    expect(isOpenIn({ opened: '2000-01-01', closed: '2023-12-31' }, '2024-01-01', '2024-12-31')).toBe(false);
  });
});
