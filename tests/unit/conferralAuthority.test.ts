import { checkConferral, conferrableBy, conferralAuthority } from '../../src/domain/conferralAuthority';

const issuers = (rules: ReturnType<typeof conferralAuthority>) => [...new Set(rules.map((r) => r.issuer))].sort();

describe('conferralAuthority (Law 06/2022, Arts. 77-80, DOMAIN §1.6)', () => {
  it('gives orders, medals and state honorary titles to the State President alone (Art. 77)', () => {
    for (const form of ['HUAN_CHUONG', 'HUY_CHUONG', 'DANH_HIEU_VINH_DU'] as const) {
      expect(issuers(conferralAuthority(form))).toEqual(['PRESIDENT']);
    }
  });

  it("gives the national emulation fighter and the Prime Minister's Bằng khen to the Prime Minister, the Government flag to the Government (Art. 78)", () => {
    expect(issuers(conferralAuthority('CHIEN_SI_THI_DUA', { level: 'NATIONAL' }))).toEqual(['PRIME_MINISTER']);
    expect(issuers(conferralAuthority('BANG_KHEN', { level: 'NATIONAL' }))).toEqual(['PRIME_MINISTER']);
    expect(issuers(conferralAuthority('CO_THI_DUA', { level: 'NATIONAL' }))).toEqual(['GOVERNMENT']);
  });

  it('lists the district chair for Giấy khen until 30 Jun 2025 and no longer from 1 Jul 2025', () => {
    expect(issuers(conferralAuthority('GIAY_KHEN', { on: '2024-06-28' }))).toContain('DISTRICT_CHAIR');
    expect(issuers(conferralAuthority('GIAY_KHEN', { on: '2025-07-01' }))).not.toContain('DISTRICT_CHAIR');
    expect(issuers(conferralAuthority('GIAY_KHEN', { on: '2025-07-01' }))).toEqual([
      'BOARD_CHAIR',
      'COMMUNE_CHAIR',
      'ENTERPRISE_DIRECTOR',
      'UNIT_HEAD',
    ]);
  });
});

describe('conferrableBy', () => {
  it('answers what a provincial chair may confer: Bằng khen, flag, fighter, excellent collective; not Giấy khen', () => {
    const forms = conferrableBy('PROVINCE_CHAIR', '2024-06-01').map((r) => r.form);
    expect([...new Set(forms)].sort()).toEqual(['BANG_KHEN', 'CHIEN_SI_THI_DUA', 'CO_THI_DUA', 'TAP_THE_XUAT_SAC']);
  });

  it('answers that a district chair may confer nothing once the district level is gone', () => {
    expect(conferrableBy('DISTRICT_CHAIR', '2024-06-01').length).toBeGreaterThan(0);
    expect(conferrableBy('DISTRICT_CHAIR', '2025-08-01')).toEqual([]);
  });
});

describe('checkConferral', () => {
  it("allows the President's Huân chương Dũng cảm (QĐ 237/QĐ-CTN, 2026)", () => {
    expect(checkConferral({ form: 'HUAN_CHUONG', issuer: 'PRESIDENT', on: '2026-03-04' }).status).toBe('ALLOWED');
  });

  it('refuses a Bằng khen from the head of a unit (a provincial police director) and says who may confer it', () => {
    const check = checkConferral({ form: 'BANG_KHEN', issuer: 'UNIT_HEAD', on: '2024-07-05' });
    expect(check.status).toBe('NOT_ALLOWED');
    expect(check.vi).toContain('Chủ tịch UBND cấp tỉnh');
  });

  it('refuses the national emulation fighter title from a provincial chair', () => {
    expect(
      checkConferral({ form: 'CHIEN_SI_THI_DUA', level: 'NATIONAL', issuer: 'PROVINCE_CHAIR', on: '2024-05-01' }).status,
    ).toBe('NOT_ALLOWED');
  });

  it("allows a commune chair's Lao động tiên tiến for a person but not for a collective (Art. 80.3)", () => {
    expect(
      checkConferral({ form: 'LAO_DONG_TIEN_TIEN', issuer: 'COMMUNE_CHAIR', on: '2024-05-01', recipient: 'INDIVIDUAL' }).status,
    ).toBe('ALLOWED');
    expect(
      checkConferral({ form: 'LAO_DONG_TIEN_TIEN', issuer: 'COMMUNE_CHAIR', on: '2024-05-01', recipient: 'COLLECTIVE' }).status,
    ).toBe('NOT_ALLOWED');
  });

  it("allows a district chair's Giấy khen on 28 Jun 2024 and refuses one dated after the district level ended", () => {
    expect(checkConferral({ form: 'GIAY_KHEN', issuer: 'DISTRICT_CHAIR', on: '2024-06-28' }).status).toBe('ALLOWED');
    expect(checkConferral({ form: 'GIAY_KHEN', issuer: 'DISTRICT_CHAIR', on: '2025-09-01' }).status).toBe('NOT_ALLOWED');
  });

  it('does not check non-State commendations (a Youth Union badge) or awards made under the 2003 law', () => {
    expect(checkConferral({ form: 'ORG_BADGE', issuer: 'MASS_ORGANISATION', on: '2024-06-13' }).status).toBe('NOT_APPLICABLE');
    expect(checkConferral({ form: 'BANG_KHEN', issuer: 'PROVINCE_CHAIR', on: '2023-04-20' }).status).toBe('UNKNOWN');
  });
});
