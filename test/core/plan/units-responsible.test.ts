import { describe, expect, it } from 'vitest';
import { readUnitsResponsible } from '../../../src/core/plan/units-responsible.js';

describe('readUnitsResponsible', () => {
  it('takes the first unit named as the lead and the rest as participants', () => {
    const text = '修订代理机构管理办法。（知识产权局、法制办按职责分别负责）';
    expect(readUnitsResponsible(text)).toEqual({ lead: '知识产权局', participants: ['法制办'], text: '（知识产权局、法制办按职责分别负责）', start: 11 });
  });

  it('reads units written before the final full stop', () => {
    expect(readUnitsResponsible('发布可转化技术目录（中央军委装备发展部、国防科工局负责）。')).toMatchObject({
      lead: '中央军委装备发展部',
      participants: ['国防科工局'],
      text: '（中央军委装备发展部、国防科工局负责）',
    });
  });

  it('reads a lead with those who take part, assist or share the work', () => {
    expect(readUnitsResponsible('开展试点。（知识产权局牵头，工商总局、版权局参与）')).toMatchObject({
      lead: '知识产权局',
      participants: ['工商总局', '版权局'],
    });
    expect(readUnitsResponsible('开展试点。（知识产权局牵头，市场监管总局配合）')).toMatchObject({ lead: '知识产权局', participants: ['市场监管总局'] });
    expect(readUnitsResponsible('开展试点。（商务部牵头；海关总署按职责分工负责）')).toMatchObject({ lead: '商务部', participants: ['海关总署'] });
    expect(readUnitsResponsible('开展试点。（版权局牵头）')).toMatchObject({ lead: '版权局', participants: [] });
  });

  it('reads Traditional characters, half-width brackets and stray spaces', () => {
    expect(readUnitsResponsible('開展試點。(知識產權局牽頭,商務部參與)')).toMatchObject({ lead: '知識產權局', participants: ['商務部'] });
    expect(readUnitsResponsible('開展試點。（版權局、 公安部 按職責分別負責）')).toMatchObject({
      lead: '版權局',
      participants: ['公安部'],
      text: '（版權局、 公安部 按職責分別負責）',
    });
  });

  it('drops the 等 that closes a list of units', () => {
    expect(readUnitsResponsible('开展检查。（公安部、海关总署等负责）')).toMatchObject({ lead: '公安部', participants: ['海关总署'] });
  });

  it('keeps a unit with brackets in its name whole', () => {
    expect(readUnitsResponsible('建设保护中心。（各省（区、市）知识产权局、商务部负责）')).toMatchObject({
      lead: '各省（区、市）知识产权局',
      participants: ['商务部'],
    });
  });

  it('reads nothing from a closing bracket that names no units', () => {
    expect(readUnitsResponsible('制定发布《深化实施国家知识产权战略行动计划     （2014—2020年）》。')).toBeUndefined();
    expect(readUnitsResponsible('印发管理办法（试行）。')).toBeUndefined();
    expect(readUnitsResponsible('举办培训（每年不少于10期）。')).toBeUndefined();
    expect(readUnitsResponsible('明确分工（由各地结合实际，自行负责）。')).toBeUndefined();
    expect(readUnitsResponsible('开展专项行动。')).toBeUndefined();
    expect(readUnitsResponsible('（负责）')).toBeUndefined();
  });
});
