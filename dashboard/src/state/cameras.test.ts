import { cameraTree, type Camera } from './cameras';

const cam = (id: string, agency: string, name: string, status: Camera['status'] = 'ONLINE', nameAr?: string): Camera => ({
  id,
  agency,
  name,
  nameAr,
  status,
  ptz: false,
  recording: true,
});

describe('camera tree', () => {
  const cameras = [cam('1', 'METRO', 'Union Station'), cam('2', 'METRO', 'Expo Station', 'OFFLINE', 'محطة إكسبو'), cam('3', 'TAXI', 'Marina Walk')];
  const groups = [{ id: 'g', agency: 'METRO', name: 'Red line', cameraIds: ['1'] }];

  it('groups by agency, then by group, with the rest ungrouped', () => {
    const tree = cameraTree(cameras, groups, '');
    expect(tree.map((a) => a.agency)).toEqual(['METRO', 'TAXI']);
    expect(tree[0].groups[0].cameras.map((c) => c.id)).toEqual(['1']);
    expect(tree[0].ungrouped.map((c) => c.id)).toEqual(['2']);
  });

  it('searches English and Arabic names and drops empty branches', () => {
    expect(cameraTree(cameras, groups, 'expo').flatMap((a) => a.ungrouped.map((c) => c.id))).toEqual(['2']);
    expect(cameraTree(cameras, groups, 'إكسبو').flatMap((a) => a.ungrouped.map((c) => c.id))).toEqual(['2']);
    expect(cameraTree(cameras, groups, 'marina').map((a) => a.agency)).toEqual(['TAXI']);
  });
});
