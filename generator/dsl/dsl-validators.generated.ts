// @ts-nocheck
// generated from dsl.schema.json and config.schema.json by generator/dsl/validator-source.ts — do not edit
import { requireAjvEqual, requireAjvUcs2length } from '../util/optional-modules.js';

export const database = validate31;
const schema32 = {"type":"object","description":"definitions/<database>/database.yaml","properties":{"$schema":{"type":"string"},"name":{"$ref":"#/$defs/name"},"description":{"$ref":"#/$defs/description"},"extensions":{"type":"array","items":{"$ref":"#/$defs/name"},"uniqueItems":true,"description":"PostgreSQL extensions to create in the database, e.g. btree_gist."}},"required":["name"],"additionalProperties":false};
const schema33 = {"type":"string","minLength":1,"description":"An object name: snake_case, at most 63 bytes."};
const schema34 = {"type":"string","pattern":"^[^\\u0000]*$","description":"Becomes a comment on every target and a line in the docs."};
const func1 = requireAjvUcs2length();
const func0 = requireAjvEqual();
const pattern4 = new RegExp("^[^\\u0000]*$", "u");

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "name")) || (key0 === "description")) || (key0 === "extensions"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.$schema.type,parentSchema:schema32.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
const err5 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\"",schema:"^[^\\u0000]*$",parentSchema:schema34,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.extensions !== undefined){
let data3 = data.extensions;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err7 = {instancePath:instancePath+"/extensions/" + i0,schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/extensions/" + i0,schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data3[i1], data3[j0])){
const err9 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema32.properties.extensions,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.extensions.type,parentSchema:schema32.properties.extensions,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const schema = validate32;
const schema36 = {"type":"object","description":"definitions/<database>/schemas/<schema>.yaml","properties":{"$schema":{"type":"string"},"name":{"$ref":"#/$defs/name"},"layer":{"enum":["bronze","silver","gold"],"description":"Medallion layer. A table may reference tables of its own or a lower layer only."},"description":{"$ref":"#/$defs/description"}},"required":["name"],"additionalProperties":false};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "name")) || (key0 === "layer")) || (key0 === "description"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.$schema.type,parentSchema:schema36.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.layer !== undefined){
let data2 = data.layer;
if(!(((data2 === "bronze") || (data2 === "silver")) || (data2 === "gold"))){
const err5 = {instancePath:instancePath+"/layer",schemaPath:"#/properties/layer/enum",keyword:"enum",params:{allowedValues: schema36.properties.layer.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.layer.enum,parentSchema:schema36.properties.layer,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\"",schema:"^[^\\u0000]*$",parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const table = validate33;
const schema39 = {"type":"object","description":"definitions/<database>/tables/<schema>/<table>.yaml","properties":{"$schema":{"type":"string"},"name":{"$ref":"#/$defs/name"},"kind":{"enum":["reference","transactional","temporal"],"description":"reference: lookup data; transactional: business entities; temporal: *_hist with history."},"description":{"$ref":"#/$defs/description"},"columns":{"type":"object","minProperties":1,"additionalProperties":{"$ref":"#/$defs/column"}},"primary_key":{"type":"array","items":{"$ref":"#/$defs/name"},"minItems":1,"uniqueItems":true},"key":{"type":"array","items":{"$ref":"#/$defs/name"},"minItems":1,"uniqueItems":true,"description":"Temporal tables: the business key."},"current_view":{"$ref":"#/$defs/name","description":"Temporal tables: the current-state view."},"indexes":{"type":"array","items":{"$ref":"#/$defs/index"}},"rows":{"type":"array","description":"Reference tables: seeded rows, upserted by key.","items":{"type":"object","additionalProperties":{"description":"A value of the column's type; a jsonb column also takes a mapping or a list (its JSON value)."}}}},"required":["name","kind","columns"],"additionalProperties":false,"allOf":[{"if":{"properties":{"kind":{"const":"temporal"}},"required":["kind"]},"then":{"required":["key"],"properties":{"primary_key":false,"rows":false}},"else":{"properties":{"key":false,"current_view":false}}},{"if":{"properties":{"kind":{"const":"reference"}},"required":["kind"]},"else":{"properties":{"rows":false}}}]};
const func5 = Object.prototype.hasOwnProperty;
const schema42 = {"if":{"type":"string"},"then":{"$ref":"#/$defs/typeSpec"},"else":{"type":"object","properties":{"type":{"$ref":"#/$defs/typeSpec"},"nullable":{"type":"boolean","description":"Overrides the ? of the type."},"unique":{"type":"boolean"},"default":{"description":"A literal value (quoted by the compiler) or { sql: expression } written as is.","if":{"type":"object"},"then":{"type":"object","properties":{"sql":{"type":"string","minLength":1}},"required":["sql"],"additionalProperties":false},"else":{"$ref":"#/$defs/scalar"}},"check":{"type":"string","minLength":1,"description":"An SQL boolean expression, written verbatim."},"description":{"$ref":"#/$defs/description"},"references":{"type":"string","pattern":"^[^.\\s]+\\.[^.\\s]+(\\.[^.\\s]+)?$","description":"schema.table[.column]; the column defaults to the target's primary key."},"on_delete":{"$ref":"#/$defs/referentialAction"},"on_update":{"$ref":"#/$defs/referentialAction"},"deferrable":{"type":"boolean","description":"The foreign key is DEFERRABLE INITIALLY DEFERRED."},"logical":{"type":"boolean","description":"Documented relationship without a foreign key (required when referencing a temporal table)."}},"required":["type"],"additionalProperties":false}};
const schema43 = {"type":"string","pattern":"^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$","description":"A logical type; a trailing ? makes the column nullable."};
const schema45 = {"type":["string","number","boolean","null"]};
const schema47 = {"enum":["restrict","cascade","set_null","set_default","no_action"]};
const pattern7 = new RegExp("^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$", "u");
const pattern10 = new RegExp("^[^.\\s]+\\.[^.\\s]+(\\.[^.\\s]+)?$", "u");

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = true;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(typeof data === "string"){
if(!pattern7.test(data)){
const err1 = {instancePath,schemaPath:"#/$defs/typeSpec/pattern",keyword:"pattern",params:{pattern: "^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$"},message:"must match pattern \""+"^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$"+"\"",schema:"^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$",parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath,schemaPath:"#/$defs/typeSpec/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.type,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err3 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema42.else.required,parentSchema:schema42.else,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func5.call(schema42.else.properties, key0))){
const err4 = {instancePath,schemaPath:"#/else/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42.else,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/$defs/typeSpec/pattern",keyword:"pattern",params:{pattern: "^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$"},message:"must match pattern \""+"^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$"+"\"",schema:"^(smallint|integer|bigint|uuid|text|varchar\\(\\d+\\)|char\\(\\d+\\)|numeric(\\(\\d+(,\\s*\\d+)?\\))?|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\\??$",parentSchema:schema43,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/$defs/typeSpec/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.type,parentSchema:schema43,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.nullable !== undefined){
let data1 = data.nullable;
if(typeof data1 !== "boolean"){
const err7 = {instancePath:instancePath+"/nullable",schemaPath:"#/else/properties/nullable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema42.else.properties.nullable.type,parentSchema:schema42.else.properties.nullable,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.unique !== undefined){
let data2 = data.unique;
if(typeof data2 !== "boolean"){
const err8 = {instancePath:instancePath+"/unique",schemaPath:"#/else/properties/unique/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema42.else.properties.unique.type,parentSchema:schema42.else.properties.unique,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.default !== undefined){
let data3 = data.default;
const _errs17 = errors;
let valid4 = true;
const _errs18 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid1 = _errs18 === errors;
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
let ifClause1;
if(_valid1){
const _errs20 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.sql === undefined){
const err10 = {instancePath:instancePath+"/default",schemaPath:"#/else/properties/default/then/required",keyword:"required",params:{missingProperty: "sql"},message:"must have required property '"+"sql"+"'",schema:schema42.else.properties.default.then.required,parentSchema:schema42.else.properties.default.then,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data3){
if(!(key1 === "sql")){
const err11 = {instancePath:instancePath+"/default",schemaPath:"#/else/properties/default/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema42.else.properties.default.then,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.sql !== undefined){
let data4 = data3.sql;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err12 = {instancePath:instancePath+"/default/sql",schemaPath:"#/else/properties/default/then/properties/sql/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema42.else.properties.default.then.properties.sql,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/default/sql",schemaPath:"#/else/properties/default/then/properties/sql/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.else.properties.default.then.properties.sql.type,parentSchema:schema42.else.properties.default.then.properties.sql,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/default",schemaPath:"#/else/properties/default/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.else.properties.default.then.type,parentSchema:schema42.else.properties.default.then,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid4 = _valid1;
ifClause1 = "then";
}
else {
const _errs25 = errors;
if((((typeof data3 !== "string") && (!((typeof data3 == "number") && (isFinite(data3))))) && (typeof data3 !== "boolean")) && (data3 !== null)){
const err15 = {instancePath:instancePath+"/default",schemaPath:"#/$defs/scalar/type",keyword:"type",params:{type: schema45.type},message:"must be string,number,boolean,null",schema:schema45.type,parentSchema:schema45,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid1 = _errs25 === errors;
valid4 = _valid1;
ifClause1 = "else";
}
if(!valid4){
const err16 = {instancePath:instancePath+"/default",schemaPath:"#/else/properties/default/if",keyword:"if",params:{failingKeyword: ifClause1},message:"must match \""+ifClause1+"\" schema",schema:schema42.else.properties.default.if,parentSchema:schema42.else.properties.default,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.check !== undefined){
let data5 = data.check;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err17 = {instancePath:instancePath+"/check",schemaPath:"#/else/properties/check/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema42.else.properties.check,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/check",schemaPath:"#/else/properties/check/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.else.properties.check.type,parentSchema:schema42.else.properties.check,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.description !== undefined){
let data6 = data.description;
if(typeof data6 === "string"){
if(!pattern4.test(data6)){
const err19 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\"",schema:"^[^\\u0000]*$",parentSchema:schema34,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.references !== undefined){
let data7 = data.references;
if(typeof data7 === "string"){
if(!pattern10.test(data7)){
const err21 = {instancePath:instancePath+"/references",schemaPath:"#/else/properties/references/pattern",keyword:"pattern",params:{pattern: "^[^.\\s]+\\.[^.\\s]+(\\.[^.\\s]+)?$"},message:"must match pattern \""+"^[^.\\s]+\\.[^.\\s]+(\\.[^.\\s]+)?$"+"\"",schema:"^[^.\\s]+\\.[^.\\s]+(\\.[^.\\s]+)?$",parentSchema:schema42.else.properties.references,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/references",schemaPath:"#/else/properties/references/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.else.properties.references.type,parentSchema:schema42.else.properties.references,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.on_delete !== undefined){
let data8 = data.on_delete;
if(!(((((data8 === "restrict") || (data8 === "cascade")) || (data8 === "set_null")) || (data8 === "set_default")) || (data8 === "no_action"))){
const err23 = {instancePath:instancePath+"/on_delete",schemaPath:"#/$defs/referentialAction/enum",keyword:"enum",params:{allowedValues: schema47.enum},message:"must be equal to one of the allowed values",schema:schema47.enum,parentSchema:schema47,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.on_update !== undefined){
let data9 = data.on_update;
if(!(((((data9 === "restrict") || (data9 === "cascade")) || (data9 === "set_null")) || (data9 === "set_default")) || (data9 === "no_action"))){
const err24 = {instancePath:instancePath+"/on_update",schemaPath:"#/$defs/referentialAction/enum",keyword:"enum",params:{allowedValues: schema47.enum},message:"must be equal to one of the allowed values",schema:schema47.enum,parentSchema:schema47,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.deferrable !== undefined){
let data10 = data.deferrable;
if(typeof data10 !== "boolean"){
const err25 = {instancePath:instancePath+"/deferrable",schemaPath:"#/else/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema42.else.properties.deferrable.type,parentSchema:schema42.else.properties.deferrable,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.logical !== undefined){
let data11 = data.logical;
if(typeof data11 !== "boolean"){
const err26 = {instancePath:instancePath+"/logical",schemaPath:"#/else/properties/logical/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema42.else.properties.logical.type,parentSchema:schema42.else.properties.logical,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/else/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.else.type,parentSchema:schema42.else,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid0 = _valid0;
if(valid0){
var props1 = true;
}
ifClause0 = "else";
}
if(!valid0){
const err28 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema42.if,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate26.errors = vErrors;
evaluated0.props = props1;
return errors === 0;
}
validate26.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema52 = {"type":"object","properties":{"name":{"$ref":"#/$defs/name"},"columns":{"type":"array","items":{"$ref":"#/$defs/name"},"minItems":1},"unique":{"type":"boolean"}},"required":["columns"],"additionalProperties":false};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.columns === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "columns"},message:"must have required property '"+"columns"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "columns")) || (key0 === "unique"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.columns !== undefined){
let data1 = data.columns;
if(Array.isArray(data1)){
if(data1.length < 1){
const err4 = {instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema52.properties.columns,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err5 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema52.properties.columns.type,parentSchema:schema52.properties.columns,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.unique !== undefined){
let data3 = data.unique;
if(typeof data3 !== "boolean"){
const err8 = {instancePath:instancePath+"/unique",schemaPath:"#/properties/unique/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema52.properties.unique.type,parentSchema:schema52.properties.unique,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.kind === undefined) && (missing0 = "kind")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.kind !== undefined){
if("temporal" !== data.kind){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema39.allOf[0].then.required,parentSchema:schema39.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.primary_key !== undefined){
const err3 = {instancePath:instancePath+"/primary_key",schemaPath:"#/allOf/0/then/properties/primary_key/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema39.allOf[0].then.properties.primary_key,data:data.primary_key};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.rows !== undefined){
const err4 = {instancePath:instancePath+"/rows",schemaPath:"#/allOf/0/then/properties/rows/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema39.allOf[0].then.properties.rows,data:data.rows};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.primary_key = true;
props0.rows = true;
props0.kind = true;
}
ifClause0 = "then";
}
else {
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key !== undefined){
const err5 = {instancePath:instancePath+"/key",schemaPath:"#/allOf/0/else/properties/key/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema39.allOf[0].else.properties.key,data:data.key};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.current_view !== undefined){
const err6 = {instancePath:instancePath+"/current_view",schemaPath:"#/allOf/0/else/properties/current_view/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema39.allOf[0].else.properties.current_view,data:data.current_view};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs6 === errors;
valid1 = _valid0;
if(valid1){
if(props0 !== true){
props0 = props0 || {};
props0.key = true;
props0.current_view = true;
}
}
ifClause0 = "else";
}
if(!valid1){
const err7 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema39.allOf[0].if,parentSchema:schema39.allOf[0],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const _errs8 = errors;
let valid5 = true;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.kind === undefined) && (missing1 = "kind")){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data.kind !== undefined){
if("reference" !== data.kind){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(!_valid1){
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.rows !== undefined){
const err10 = {instancePath:instancePath+"/rows",schemaPath:"#/allOf/1/else/properties/rows/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema39.allOf[1].else.properties.rows,data:data.rows};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid1 = _errs11 === errors;
valid5 = _valid1;
if(valid5){
var props1 = {};
props1.rows = true;
props1.kind = true;
}
}
if(!valid5){
const err11 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema",schema:schema39.allOf[1].if,parentSchema:schema39.allOf[1],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.kind === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.columns === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "columns"},message:"must have required property '"+"columns"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key0 in data){
if(!(func5.call(schema39.properties, key0))){
const err15 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.$schema !== undefined){
let data7 = data.$schema;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.$schema.type,parentSchema:schema39.properties.$schema,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.name !== undefined){
let data8 = data.name;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err17 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.kind !== undefined){
let data9 = data.kind;
if(!(((data9 === "reference") || (data9 === "transactional")) || (data9 === "temporal"))){
const err19 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema39.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.kind.enum,parentSchema:schema39.properties.kind,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.description !== undefined){
let data10 = data.description;
if(typeof data10 === "string"){
if(!pattern4.test(data10)){
const err20 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\"",schema:"^[^\\u0000]*$",parentSchema:schema34,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.columns !== undefined){
let data11 = data.columns;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(Object.keys(data11).length < 1){
const err22 = {instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema39.properties.columns,data:data11};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
for(const key1 in data11){
if(!(validate26(data11[key1], {instancePath:instancePath+"/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data11,parentDataProperty:key1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.columns.type,parentSchema:schema39.properties.columns,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.primary_key !== undefined){
let data13 = data.primary_key;
if(Array.isArray(data13)){
if(data13.length < 1){
const err24 = {instancePath:instancePath+"/primary_key",schemaPath:"#/properties/primary_key/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema39.properties.primary_key,data:data13};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(typeof data14 === "string"){
if(func1(data14) < 1){
const err25 = {instancePath:instancePath+"/primary_key/" + i0,schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/primary_key/" + i0,schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
let i1 = data13.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data13[i1], data13[j0])){
const err27 = {instancePath:instancePath+"/primary_key",schemaPath:"#/properties/primary_key/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema39.properties.primary_key,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err28 = {instancePath:instancePath+"/primary_key",schemaPath:"#/properties/primary_key/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.primary_key.type,parentSchema:schema39.properties.primary_key,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.key !== undefined){
let data15 = data.key;
if(Array.isArray(data15)){
if(data15.length < 1){
const err29 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema39.properties.key,data:data15};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
const len1 = data15.length;
for(let i2=0; i2<len1; i2++){
let data16 = data15[i2];
if(typeof data16 === "string"){
if(func1(data16) < 1){
const err30 = {instancePath:instancePath+"/key/" + i2,schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data16};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/key/" + i2,schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
let i3 = data15.length;
let j1;
if(i3 > 1){
outer1:
for(;i3--;){
for(j1 = i3; j1--;){
if(func0(data15[i3], data15[j1])){
const err32 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema39.properties.key,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err33 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.key.type,parentSchema:schema39.properties.key,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.current_view !== undefined){
let data17 = data.current_view;
if(typeof data17 === "string"){
if(func1(data17) < 1){
const err34 = {instancePath:instancePath+"/current_view",schemaPath:"#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33,data:data17};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/current_view",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data17};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.indexes !== undefined){
let data18 = data.indexes;
if(Array.isArray(data18)){
const len2 = data18.length;
for(let i4=0; i4<len2; i4++){
if(!(validate28(data18[i4], {instancePath:instancePath+"/indexes/" + i4,parentData:data18,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
}
else {
const err36 = {instancePath:instancePath+"/indexes",schemaPath:"#/properties/indexes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.indexes.type,parentSchema:schema39.properties.indexes,data:data18};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.rows !== undefined){
let data20 = data.rows;
if(Array.isArray(data20)){
const len3 = data20.length;
for(let i5=0; i5<len3; i5++){
let data21 = data20[i5];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
}
else {
const err37 = {instancePath:instancePath+"/rows/" + i5,schemaPath:"#/properties/rows/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.rows.items.type,parentSchema:schema39.properties.rows.items,data:data21};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/rows",schemaPath:"#/properties/rows/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.rows.type,parentSchema:schema39.properties.rows,data:data20};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const config = validate36;
const schema68 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://lakegen.dev/schema/config.schema.json","title":"lakegen.config.yaml","type":"object","properties":{"$schema":{"type":"string"},"definitions":{"type":"string","minLength":1,"default":"definitions","description":"Folder of the definitions, relative to the config file."},"output":{"type":"string","minLength":1,"default":"generated","description":"Folder compile writes to, relative to the config file."},"targets":{"type":"array","items":{"enum":["postgres","snowflake","databricks","typescript","docs"]},"uniqueItems":true,"minItems":1,"description":"Targets compile writes by default (all five when absent)."},"rules":{"type":"object","description":"Severity per rule, by code (LG104) or name (naming/reserved-word).","additionalProperties":{"enum":["error","warning","off"]}},"snowflake":{"type":"object","properties":{"warehouse":{"type":"string","minLength":1,"default":"COMPUTE_WH","description":"Warehouse that runs the history tasks."},"schedule":{"type":"string","minLength":1,"default":"1 MINUTE","description":"Task schedule: an interval such as '5 MINUTE' or 'USING CRON …'."}},"additionalProperties":false},"databricks":{"type":"object","properties":{"catalog":{"type":"string","minLength":1,"default":"main","description":"Unity Catalog catalog that holds the schemas."}},"additionalProperties":false},"apply":{"type":"object","properties":{"url":{"type":"string","description":"Default server URL for apply (DATABASE_URL and --url win)."}},"additionalProperties":false}},"additionalProperties":false};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://lakegen.dev/schema/config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "$schema") || (key0 === "definitions")) || (key0 === "output")) || (key0 === "targets")) || (key0 === "rules")) || (key0 === "snowflake")) || (key0 === "databricks")) || (key0 === "apply"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema68,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.$schema.type,parentSchema:schema68.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.definitions !== undefined){
let data1 = data.definitions;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err2 = {instancePath:instancePath+"/definitions",schemaPath:"#/properties/definitions/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema68.properties.definitions,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/definitions",schemaPath:"#/properties/definitions/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.definitions.type,parentSchema:schema68.properties.definitions,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.output !== undefined){
let data2 = data.output;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err4 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema68.properties.output,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.output.type,parentSchema:schema68.properties.output,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.targets !== undefined){
let data3 = data.targets;
if(Array.isArray(data3)){
if(data3.length < 1){
const err6 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema68.properties.targets,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(!(((((data4 === "postgres") || (data4 === "snowflake")) || (data4 === "databricks")) || (data4 === "typescript")) || (data4 === "docs"))){
const err7 = {instancePath:instancePath+"/targets/" + i0,schemaPath:"#/properties/targets/items/enum",keyword:"enum",params:{allowedValues: schema68.properties.targets.items.enum},message:"must be equal to one of the allowed values",schema:schema68.properties.targets.items.enum,parentSchema:schema68.properties.targets.items,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data3[i1], data3[j0])){
const err8 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema68.properties.targets,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema68.properties.targets.type,parentSchema:schema68.properties.targets,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.rules !== undefined){
let data5 = data.rules;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
let data6 = data5[key1];
if(!(((data6 === "error") || (data6 === "warning")) || (data6 === "off"))){
const err10 = {instancePath:instancePath+"/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema68.properties.rules.additionalProperties.enum},message:"must be equal to one of the allowed values",schema:schema68.properties.rules.additionalProperties.enum,parentSchema:schema68.properties.rules.additionalProperties,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.properties.rules.type,parentSchema:schema68.properties.rules,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.snowflake !== undefined){
let data7 = data.snowflake;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(!((key2 === "warehouse") || (key2 === "schedule"))){
const err12 = {instancePath:instancePath+"/snowflake",schemaPath:"#/properties/snowflake/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema68.properties.snowflake,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data7.warehouse !== undefined){
let data8 = data7.warehouse;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err13 = {instancePath:instancePath+"/snowflake/warehouse",schemaPath:"#/properties/snowflake/properties/warehouse/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema68.properties.snowflake.properties.warehouse,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/snowflake/warehouse",schemaPath:"#/properties/snowflake/properties/warehouse/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.snowflake.properties.warehouse.type,parentSchema:schema68.properties.snowflake.properties.warehouse,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data7.schedule !== undefined){
let data9 = data7.schedule;
if(typeof data9 === "string"){
if(func1(data9) < 1){
const err15 = {instancePath:instancePath+"/snowflake/schedule",schemaPath:"#/properties/snowflake/properties/schedule/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema68.properties.snowflake.properties.schedule,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/snowflake/schedule",schemaPath:"#/properties/snowflake/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.snowflake.properties.schedule.type,parentSchema:schema68.properties.snowflake.properties.schedule,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/snowflake",schemaPath:"#/properties/snowflake/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.properties.snowflake.type,parentSchema:schema68.properties.snowflake,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.databricks !== undefined){
let data10 = data.databricks;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key3 in data10){
if(!(key3 === "catalog")){
const err18 = {instancePath:instancePath+"/databricks",schemaPath:"#/properties/databricks/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema68.properties.databricks,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data10.catalog !== undefined){
let data11 = data10.catalog;
if(typeof data11 === "string"){
if(func1(data11) < 1){
const err19 = {instancePath:instancePath+"/databricks/catalog",schemaPath:"#/properties/databricks/properties/catalog/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema68.properties.databricks.properties.catalog,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/databricks/catalog",schemaPath:"#/properties/databricks/properties/catalog/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.databricks.properties.catalog.type,parentSchema:schema68.properties.databricks.properties.catalog,data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/databricks",schemaPath:"#/properties/databricks/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.properties.databricks.type,parentSchema:schema68.properties.databricks,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.apply !== undefined){
let data12 = data.apply;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key4 in data12){
if(!(key4 === "url")){
const err22 = {instancePath:instancePath+"/apply",schemaPath:"#/properties/apply/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema68.properties.apply,data:data12};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data12.url !== undefined){
let data13 = data12.url;
if(typeof data13 !== "string"){
const err23 = {instancePath:instancePath+"/apply/url",schemaPath:"#/properties/apply/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.apply.properties.url.type,parentSchema:schema68.properties.apply.properties.url,data:data13};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/apply",schemaPath:"#/properties/apply/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.properties.apply.type,parentSchema:schema68.properties.apply,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.type,parentSchema:schema68,data};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

