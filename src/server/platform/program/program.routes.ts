/** The programme's metadata as the server loaded it, and the 数据字典 and 指标口径 made from it. */
import { dataDictionaryAnswer, definitionsAnswer, dictionaryQuery, indicatorDefinitionsAnswer, metadataAnswer } from '../../../domain/api/platform.js';
import type { AppContext } from '../context.js';
import { sendTableFile, TABLE_FILE_TYPES } from '../files/table-file.js';
import type { App } from '../http/request.js';
import { DictionaryService } from './dictionary.service.js';

export function registerProgramRoutes(app: App, ctx: AppContext): void {
  const tags = ['platform'];
  app.get('/api/metadata', { schema: { tags, response: { 200: metadataAnswer } } }, async () => ({
    programs: ctx.metadata.programs,
    defaultDataSet: ctx.metadata.defaultDataSet.code,
    support: ctx.config.support,
  }));

  const dictionary = new DictionaryService(ctx.metadata);
  const produces = TABLE_FILE_TYPES;
  app.get('/api/metadata/data-dictionary', { schema: { tags, querystring: dictionaryQuery, produces, response: { 200: dataDictionaryAnswer } } }, async (req, reply) =>
    sendTableFile(reply, dictionary.dataDictionary(req.query.format)),
  );
  app.get('/api/metadata/indicator-definitions', { schema: { tags, querystring: dictionaryQuery, produces, response: { 200: indicatorDefinitionsAnswer } } }, async (req, reply) =>
    sendTableFile(reply, dictionary.indicatorDefinitions(req.query.format)),
  );
  // The same two tables for the printable page (/definitions: PDF through the browser's print).
  app.get('/api/metadata/definitions', { schema: { tags, response: { 200: definitionsAnswer } } }, async () => ({
    dictionary: dictionary.dataDictionaryTable(),
    indicators: dictionary.indicatorDefinitionsTable(),
  }));
}
