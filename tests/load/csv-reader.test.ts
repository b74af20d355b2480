/** CSV rows are reported on the line where each record starts, with LF or CRLF, across quoted line breaks. */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../generator/load/csv-reader.js';

const lines = (text: string) => readCsv('x.csv', text).rows?.records.map((r) => r.line);

describe('csv reader', () => {
  it('numbers each record by the line it starts on', () => {
    expect(lines('id,t\n1,a\n2,"b\nc\nd"\n3,e\n')).toEqual([2, 3, 6]);
    expect(lines('id,t\r\n1,"a\r\nb\r\nc"\r\n2,ok\r\n')).toEqual([2, 5]);
    expect(lines('\ufeffid,t\n\n1,a\n\n\n2,b\n')).toEqual([3, 6]);
    expect(lines('id,t\n1,"say ""hi""\nthere"\n2,b')).toEqual([2, 4]);
  });

  it('reports a malformed record on its own first line, and an unclosed quote where it opened', () => {
    const wide = readCsv('x.csv', 'id,t\r\n1,"a\r\nb\r\nc"\r\n2,ok,extra\r\n');
    expect(wide.diagnostics[0]).toMatchObject({ line: 5, message: expect.stringMatching(/on line 5$/) });
    const open = readCsv('x.csv', 'id,t\n1,a\n2,"b\n3,c\n');
    expect(open.diagnostics[0]).toMatchObject({ line: 3, message: expect.stringMatching(/the quote opened on line 3 is never closed/) });
  });
});
