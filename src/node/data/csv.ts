/**
 * A streaming CSV parser (RFC 4180): quoted fields may hold commas, doubled
 * quotes and line breaks; CRLF and LF both end a row. It is fed chunks of
 * text and returns each complete row with the line it starts on, so a 2 GB
 * file is read with memory bounded by its longest row. Written here rather
 * than taken from a package because the record reader needs exactly this
 * (row start lines, incremental input, an error for a malformed quote instead
 * of a silent guess) in under 100 lines.
 */
import { msg, type MessageRef } from '../../core/i18n/message.js';

export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  fields: string[];
  /** Set when a quote is malformed (a stray quote, text after a closing quote, a quote never closed). */
  error?: MessageRef;
}

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private afterQuote = false;
  private rowStarted = false;
  private rowLine = 1;
  private line = 1;
  private error: MessageRef | undefined;
  private skipLF = false;
  /** A quote at the end of a chunk inside a quoted field: it may be the first half of `""`. */
  private carry = '';

  /** Parses a chunk; complete rows are returned, a partial row is kept for the next chunk. */
  push(input: string): CsvRow[] {
    const chunk = this.carry + input;
    this.carry = '';
    const rows: CsvRow[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.skipLF) {
        this.skipLF = false;
        if (c === '\n') continue;
      }
      if (this.inQuotes) {
        if (c === '"') {
          if (i + 1 === chunk.length) {
            this.carry = '"';
            break;
          }
          if (chunk[i + 1] === '"') {
            this.field += '"';
            i++;
          } else {
            this.inQuotes = false;
            this.afterQuote = true;
          }
        } else {
          if (c === '\n' || (c === '\r' && chunk[i + 1] !== '\n')) this.line++;
          this.field += c;
        }
      } else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.afterQuote = false;
        this.rowStarted = true;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') this.skipLF = true;
        if (this.rowStarted || this.field !== '') rows.push(this.endRow());
        this.line++;
        this.rowLine = this.line;
      } else if (c === '"' && this.field === '' && !this.afterQuote) {
        this.inQuotes = true;
        this.rowStarted = true;
      } else {
        if (c === '"') this.error ??= msg('record.csv-stray-quote', { line: this.line });
        else if (this.afterQuote) this.error ??= msg('record.csv-after-quote', { line: this.line });
        this.field += c;
        this.rowStarted = true;
      }
    }
    return rows;
  }

  /** Ends the input; returns the last row if the text did not end with a line break. */
  end(): CsvRow[] {
    if (this.carry) {
      // The held-back quote closes the field.
      this.carry = '';
      this.inQuotes = false;
      this.afterQuote = true;
    }
    if (this.inQuotes) {
      this.error ??= msg('record.csv-unclosed', { line: this.rowLine });
      this.inQuotes = false;
    }
    return this.rowStarted || this.field !== '' ? [this.endRow()] : [];
  }

  private endRow(): CsvRow {
    this.fields.push(this.field);
    const row: CsvRow = { line: this.rowLine, fields: this.fields };
    if (this.error) row.error = this.error;
    this.field = '';
    this.fields = [];
    this.afterQuote = false;
    this.error = undefined;
    this.rowStarted = false;
    return row;
  }
}
