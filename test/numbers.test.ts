import * as assert from 'node:assert/strict';
import { isUnit, parseCellValue, toHalfWidth, type NumberValue } from '../server/src/core/numbers';

function num(raw: string): NumberValue {
  const v = parseCellValue(raw);
  assert.equal(v.kind, 'number', `${JSON.stringify(raw)} should read as a number, got ${JSON.stringify(v)}`);
  return v as NumberValue;
}

describe('numbers: reading a cell', () => {
  it('reads plain integers, dropping leading zeros', () => {
    assert.deepEqual(num('0'), { kind: 'number', value: 0, digits: '0', decimals: 0, nonCanonical: false, unit: null });
    assert.equal(num('93').value, 93);
    assert.equal(num('007').digits, '7');
    assert.equal(num('  42 ').value, 42, 'surrounding spaces are not part of the number');
    assert.equal(num('\u3000 7\u3000').value, 7, 'ideographic spaces too');
  });

  it('reads full-width digits and marks them non-canonical', () => {
    const v = num('１２３');
    assert.equal(v.value, 123);
    assert.equal(v.digits, '123');
    assert.equal(v.nonCanonical, true);
    assert.equal(num('０').value, 0);
    assert.equal(toHalfWidth('２０２２年'), '2022年');
  });

  it('reads thousands separators (ASCII and full-width comma) but not malformed groups', () => {
    assert.equal(num('1,234').value, 1234);
    assert.equal(num('1,234').nonCanonical, true);
    assert.equal(num('12,345,678').digits, '12345678');
    assert.equal(num('１，２３４').value, 1234);
    assert.equal(num('1，234').value, 1234);
    assert.equal(parseCellValue('1,23').kind, 'invalid');
    assert.equal(parseCellValue('12,3456').kind, 'invalid');
  });

  it('reads negatives with ASCII, full-width and typographic minus signs', () => {
    assert.equal(num('-13').value, -13);
    assert.equal(num('-13').digits, '-13');
    assert.equal(num('-13').nonCanonical, false);
    assert.equal(num('－28').value, -28);
    assert.equal(num('−5').digits, '-5');
    assert.equal(num('+5').value, 5);
    assert.equal(num('+5').nonCanonical, true);
  });

  it('reads decimals and remembers how many were written', () => {
    const v = num('960.49');
    assert.equal(v.value, 960.49);
    assert.equal(v.decimals, 2);
    assert.equal(v.digits, '960.49');
    assert.equal(num('4443.19').decimals, 2);
    assert.equal(num('12.50').digits, '12.50', 'trailing zeros are kept: they state the precision');
    assert.equal(num('0.0').decimals, 1);
    assert.equal(num('１２．５').value, 12.5);
    assert.equal(parseCellValue('1.2.3').kind, 'invalid');
    assert.equal(parseCellValue('.5').kind, 'invalid');
  });

  it('keeps very large numbers exact in `digits`', () => {
    assert.equal(num('12345678901234567890').digits, '12345678901234567890');
  });

  it('reads a trailing unit (555000元, 960.49万元, 5件) as a number with that unit', () => {
    assert.equal(num('555000元').value, 555000);
    assert.equal(num('555000元').unit, '元');
    assert.equal(num('960.49万元').unit, '万元');
    assert.equal(num('960.49万元').value, 960.49);
    assert.equal(num('5件').unit, '件');
    assert.equal(num('30%').unit, '%');
    assert.equal(num('555000').unit, null);
    assert.ok(isUnit('亿元'));
    assert.ok(!isUnit('米'));
    assert.equal(parseCellValue('元').kind, 'invalid', 'a unit alone is not a number');
  });

  it('keeps blank cells apart from 0', () => {
    for (const raw of ['', ' ', '\t', '\u3000', '\u00a0 ']) assert.deepEqual(parseCellValue(raw), { kind: 'blank' }, JSON.stringify(raw));
  });

  it('keeps placeholders (- / — － …) apart from 0 and from text', () => {
    for (const raw of ['-', '/', '—', '－', '——', '／', '--', '无', ' / ']) {
      const v = parseCellValue(raw);
      assert.equal(v.kind, 'placeholder', JSON.stringify(raw));
    }
    assert.deepEqual(parseCellValue('—'), { kind: 'placeholder', text: '—' });
  });

  it('reads text as invalid', () => {
    assert.deepEqual(parseCellValue('约120件左右'), { kind: 'invalid', text: '约120件左右' });
    assert.equal(parseCellValue('十二').kind, 'invalid');
    assert.equal(parseCellValue('1 2').kind, 'number', 'spaces inside a number (vertical text) are ignored');
    assert.equal(num('1 2').value, 12);
  });
});

describe('numbers: reading is stable', () => {
  it('gives the same value for the same text every time (results are cached and shared)', () => {
    for (const raw of ['0', '93', '960.49', '-13', '0.0001', '4443.19', '１，２３４．５', '', '/', 'abc']) {
      assert.deepEqual(parseCellValue(raw), parseCellValue(raw));
      assert.deepEqual(parseCellValue(` ${raw} `), parseCellValue(raw), `spaces around ${JSON.stringify(raw)}`);
    }
    assert.equal(num('１，２３４．５').digits, '1234.5');
  });
});

describe('numbers: canonical small integers (read without the cache)', () => {
  it('gives the same value as the general reader, and never for a leading zero or five digits', () => {
    for (const raw of ['0', '7', '42', '999', '9999']) {
      assert.deepEqual(parseCellValue(raw), { kind: 'number', value: Number(raw), digits: raw, decimals: 0, nonCanonical: false, unit: null });
    }
    assert.deepEqual(parseCellValue('007'), { kind: 'number', value: 7, digits: '7', decimals: 0, nonCanonical: false, unit: null });
    const big = parseCellValue('12345') as NumberValue;
    assert.equal(big.digits, '12345');
    assert.equal((parseCellValue('１２') as NumberValue).nonCanonical, true);
    assert.equal(parseCellValue('1a').kind, 'invalid');
  });
});
