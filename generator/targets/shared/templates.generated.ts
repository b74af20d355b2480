// @ts-nocheck
// generated from templates/ by generator/targets/shared/template-source.ts — do not edit
export const TEMPLATE_SPECS = {
  "databricks/PORTABILITY.md": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "- "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n## "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || alias1(depth0, "title", {"start":{"line":15,"column":5},"end":{"line":15,"column":10}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"title","hash":{},"loc":{"start":{"line":15,"column":3},"end":{"line":15,"column":12}}}) : helper))) != null ? stack1 : "")
    + "\n\nDefined in `"
    + ((stack1 = (((helper = lookupProperty(helpers,"source") || alias1(depth0, "source", {"start":{"line":17,"column":14},"end":{"line":17,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"source","hash":{},"loc":{"start":{"line":17,"column":12},"end":{"line":17,"column":22}}}) : helper))) != null ? stack1 : "")
    + "`.\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"topics"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":18,"column":0},"end":{"line":25,"column":9}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n### "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || container.strict(depth0, "title", {"start":{"line":20,"column":6},"end":{"line":20,"column":11}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"title","hash":{},"loc":{"start":{"line":20,"column":4},"end":{"line":20,"column":13}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"notes"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":22,"column":0},"end":{"line":24,"column":9}}})) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n# "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || alias1(depth0, "title", {"start":{"line":2,"column":4},"end":{"line":2,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"title","hash":{},"loc":{"start":{"line":2,"column":2},"end":{"line":2,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"intro"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":9}}})) != null ? stack1 : "")
    + "\n## Whole database\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"general"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":10,"column":0},"end":{"line":12,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":13,"column":0},"end":{"line":26,"column":9}}})) != null ? stack1 : "");
}},
  "databricks/create-table.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "  "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\nCLUSTER BY ("
    + ((stack1 = lookupProperty(helpers,"join").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"clusterBy"),", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":7,"column":12},"end":{"line":7,"column":53}}})) != null ? stack1 : "")
    + ")";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\nTBLPROPERTIES ("
    + ((stack1 = lookupProperty(helpers,"join").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"properties"),", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":8,"column":15},"end":{"line":8,"column":57}}})) != null ? stack1 : "")
    + ")";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE TABLE IF NOT EXISTS "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":1,"column":29},"end":{"line":1,"column":33}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"name","hash":{},"loc":{"start":{"line":1,"column":27},"end":{"line":1,"column":35}}}) : helper))) != null ? stack1 : "")
    + " (\n"
    + ((stack1 = lookupProperty(helpers,"lines").call(alias1,lookupProperty(depth0,"lines"),",",{"name":"lines","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":0},"end":{"line":4,"column":10}}})) != null ? stack1 : "")
    + ")\nUSING DELTA"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"clusterBy"),"length"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":6,"column":11},"end":{"line":7,"column":61}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"properties"),"length"),{"name":"if","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":7,"column":61},"end":{"line":8,"column":65}}})) != null ? stack1 : "")
    + ";\n";
}},
  "databricks/deploy.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-- Then create (or update) one pipeline with these source files; it creates and maintains the history tables:\n"
    + ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"pipelines"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":8,"column":0},"end":{"line":10,"column":9}}})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "--   "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n-- "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || container.strict(depth0, "title", {"start":{"line":14,"column":5},"end":{"line":14,"column":10}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"title","hash":{},"loc":{"start":{"line":14,"column":3},"end":{"line":14,"column":12}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"statements"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":15,"column":0},"end":{"line":18,"column":9}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\n"
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n-- Deploy order of database "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":2,"column":30},"end":{"line":2,"column":38}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":2,"column":28},"end":{"line":2,"column":40}}}) : helper))) != null ? stack1 : "")
    + " on Databricks, as Unity Catalog catalog "
    + ((stack1 = (((helper = lookupProperty(helpers,"catalog") || alias1(depth0, "catalog", {"start":{"line":2,"column":83},"end":{"line":2,"column":90}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"catalog","hash":{},"loc":{"start":{"line":2,"column":81},"end":{"line":2,"column":92}}}) : helper))) != null ? stack1 : "")
    + " (lakegen.config.yaml:\n-- databricks.catalog). Run it on a SQL warehouse (SQL editor, or any Databricks SQL client), as a user who may\n-- create schemas and tables in the catalog. Every statement is re-runnable: a second deploy changes nothing\n-- that is up to date.\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"pipelines"),"length"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":6,"column":0},"end":{"line":11,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":12,"column":0},"end":{"line":19,"column":9}}})) != null ? stack1 : "");
}},
  "databricks/pipeline.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n-- Lakeflow Spark Declarative Pipelines source for the history of "
    + ((stack1 = (((helper = lookupProperty(helpers,"tableId") || alias1(depth0, "tableId", {"start":{"line":2,"column":68},"end":{"line":2,"column":75}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tableId","hash":{},"loc":{"start":{"line":2,"column":66},"end":{"line":2,"column":77}}}) : helper))) != null ? stack1 : "")
    + ". Add it to a Unity Catalog\n-- pipeline (default publishing mode) once deploy.sql has created "
    + ((stack1 = (((helper = lookupProperty(helpers,"current") || alias1(depth0, "current", {"start":{"line":3,"column":68},"end":{"line":3,"column":75}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"current","hash":{},"loc":{"start":{"line":3,"column":66},"end":{"line":3,"column":77}}}) : helper))) != null ? stack1 : "")
    + "; docs/warehouses.md says how.\n-- Versions valid at a time t: SELECT * FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"versions") || alias1(depth0, "versions", {"start":{"line":4,"column":47},"end":{"line":4,"column":55}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"versions","hash":{},"loc":{"start":{"line":4,"column":45},"end":{"line":4,"column":57}}}) : helper))) != null ? stack1 : "")
    + " WHERE sys_start <= t AND (sys_end IS NULL OR sys_end > t)\n\n-- The change feed of the current-state table, without update pre-images: AUTO CDC wants one row per change.\nCREATE TEMPORARY VIEW "
    + ((stack1 = (((helper = lookupProperty(helpers,"changes") || alias1(depth0, "changes", {"start":{"line":7,"column":24},"end":{"line":7,"column":31}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"changes","hash":{},"loc":{"start":{"line":7,"column":22},"end":{"line":7,"column":33}}}) : helper))) != null ? stack1 : "")
    + " AS\nSELECT * FROM STREAM("
    + ((stack1 = (((helper = lookupProperty(helpers,"current") || alias1(depth0, "current", {"start":{"line":8,"column":23},"end":{"line":8,"column":30}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"current","hash":{},"loc":{"start":{"line":8,"column":21},"end":{"line":8,"column":32}}}) : helper))) != null ? stack1 : "")
    + ") WITH (readChangeFeed = true)\nWHERE _change_type <> 'update_preimage';\n\nCREATE OR REFRESH STREAMING TABLE "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias1(depth0, "history", {"start":{"line":11,"column":36},"end":{"line":11,"column":43}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"history","hash":{},"loc":{"start":{"line":11,"column":34},"end":{"line":11,"column":45}}}) : helper))) != null ? stack1 : "")
    + "\n  COMMENT "
    + ((stack1 = (((helper = lookupProperty(helpers,"historyComment") || alias1(depth0, "historyComment", {"start":{"line":12,"column":12},"end":{"line":12,"column":26}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"historyComment","hash":{},"loc":{"start":{"line":12,"column":10},"end":{"line":12,"column":28}}}) : helper))) != null ? stack1 : "")
    + ";\n\nCREATE FLOW "
    + ((stack1 = (((helper = lookupProperty(helpers,"flow") || alias1(depth0, "flow", {"start":{"line":14,"column":14},"end":{"line":14,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"flow","hash":{},"loc":{"start":{"line":14,"column":12},"end":{"line":14,"column":20}}}) : helper))) != null ? stack1 : "")
    + " AS AUTO CDC INTO "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias1(depth0, "history", {"start":{"line":14,"column":40},"end":{"line":14,"column":47}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"history","hash":{},"loc":{"start":{"line":14,"column":38},"end":{"line":14,"column":49}}}) : helper))) != null ? stack1 : "")
    + "\nFROM STREAM("
    + ((stack1 = (((helper = lookupProperty(helpers,"changes") || alias1(depth0, "changes", {"start":{"line":15,"column":14},"end":{"line":15,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"changes","hash":{},"loc":{"start":{"line":15,"column":12},"end":{"line":15,"column":23}}}) : helper))) != null ? stack1 : "")
    + ")\nKEYS ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"keys"),", ",{"name":"join","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":6},"end":{"line":16,"column":42}}})) != null ? stack1 : "")
    + ")\nAPPLY AS DELETE WHEN _change_type = 'delete'\nSEQUENCE BY _commit_timestamp\nCOLUMNS * EXCEPT (_change_type, _commit_version, _commit_timestamp)\nSTORED AS SCD TYPE 2;\n\nCREATE VIEW "
    + ((stack1 = (((helper = lookupProperty(helpers,"versions") || alias1(depth0, "versions", {"start":{"line":22,"column":14},"end":{"line":22,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"versions","hash":{},"loc":{"start":{"line":22,"column":12},"end":{"line":22,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\n  COMMENT "
    + ((stack1 = (((helper = lookupProperty(helpers,"versionsComment") || alias1(depth0, "versionsComment", {"start":{"line":23,"column":12},"end":{"line":23,"column":27}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"versionsComment","hash":{},"loc":{"start":{"line":23,"column":10},"end":{"line":23,"column":29}}}) : helper))) != null ? stack1 : "")
    + "\nAS SELECT "
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":24,"column":10},"end":{"line":24,"column":46}}})) != null ? stack1 : "")
    + "__START_AT AS sys_start, __END_AT AS sys_end\nFROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias1(depth0, "history", {"start":{"line":25,"column":7},"end":{"line":25,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"history","hash":{},"loc":{"start":{"line":25,"column":5},"end":{"line":25,"column":16}}}) : helper))) != null ? stack1 : "")
    + ";\n\nCREATE VIEW "
    + ((stack1 = (((helper = lookupProperty(helpers,"openVersions") || alias1(depth0, "openVersions", {"start":{"line":27,"column":14},"end":{"line":27,"column":26}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"openVersions","hash":{},"loc":{"start":{"line":27,"column":12},"end":{"line":27,"column":28}}}) : helper))) != null ? stack1 : "")
    + "\n  COMMENT "
    + ((stack1 = (((helper = lookupProperty(helpers,"openComment") || alias1(depth0, "openComment", {"start":{"line":28,"column":12},"end":{"line":28,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"openComment","hash":{},"loc":{"start":{"line":28,"column":10},"end":{"line":28,"column":25}}}) : helper))) != null ? stack1 : "")
    + "\nAS SELECT "
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":29,"column":10},"end":{"line":29,"column":46}}})) != null ? stack1 : "")
    + "__START_AT AS sys_start, __END_AT AS sys_end\nFROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias1(depth0, "history", {"start":{"line":30,"column":7},"end":{"line":30,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"history","hash":{},"loc":{"start":{"line":30,"column":5},"end":{"line":30,"column":16}}}) : helper))) != null ? stack1 : "")
    + "\nWHERE __END_AT IS NULL;\n";
}},
  "databricks/reference-merge.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "    "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    ("
    + ((stack1 = lookupProperty(helpers,"join").call(depth0 != null ? depth0 : (container.nullContext || {}),depth0,", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":9,"column":5},"end":{"line":9,"column":41}}})) != null ? stack1 : "")
    + ")\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.lambda;

  return "target."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "")
    + " = source."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(container.strict(depth0, "column", {"start":{"line":16,"column":88},"end":{"line":16,"column":99}} ), depth0)) != null ? stack1 : "")
    + ", ";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "source."
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(container.strict(depth0, "value", {"start":{"line":17,"column":75},"end":{"line":17,"column":85}} ), depth0)) != null ? stack1 : "")
    + ", ";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "MERGE INTO "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":1,"column":13},"end":{"line":1,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":1,"column":11},"end":{"line":1,"column":20}}}) : helper))) != null ? stack1 : "")
    + " AS target\nUSING (\n  SELECT\n"
    + ((stack1 = lookupProperty(helpers,"lines").call(alias2,lookupProperty(depth0,"select"),",",{"name":"lines","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":10}}})) != null ? stack1 : "")
    + "  FROM VALUES\n"
    + ((stack1 = lookupProperty(helpers,"lines").call(alias2,lookupProperty(depth0,"rows"),",",{"name":"lines","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":8,"column":0},"end":{"line":10,"column":10}}})) != null ? stack1 : "")
    + "    AS source_rows ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"sourceColumns"),", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":11,"column":20},"end":{"line":11,"column":65}}})) != null ? stack1 : "")
    + ")\n) AS source\nON "
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"key")," AND ",{"name":"join","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":13,"column":3},"end":{"line":13,"column":66}}})) != null ? stack1 : "")
    + "\nWHEN MATCHED AND ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"comparisons")," OR ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":14,"column":18},"end":{"line":14,"column":63}}})) != null ? stack1 : "")
    + ") THEN UPDATE SET\n  "
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"assignments"),{"name":"each","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":15,"column":2},"end":{"line":15,"column":42}}})) != null ? stack1 : "")
    + "systime = "
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":15,"column":54},"end":{"line":15,"column":57}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":15,"column":52},"end":{"line":15,"column":59}}}) : helper))) != null ? stack1 : "")
    + "\nWHEN NOT MATCHED THEN INSERT ("
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":30},"end":{"line":16,"column":66}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"insertOnly"),{"name":"each","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":66},"end":{"line":16,"column":112}}})) != null ? stack1 : "")
    + "systime)\n  VALUES ("
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":17,"column":10},"end":{"line":17,"column":53}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"insertOnly"),{"name":"each","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"loc":{"start":{"line":17,"column":53},"end":{"line":17,"column":98}}})) != null ? stack1 : "")
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":17,"column":100},"end":{"line":17,"column":103}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":17,"column":98},"end":{"line":17,"column":105}}}) : helper))) != null ? stack1 : "")
    + ")\nWHEN NOT MATCHED BY SOURCE AND target.is_active THEN UPDATE SET\n  is_active = FALSE, systime = "
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":19,"column":33},"end":{"line":19,"column":36}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":19,"column":31},"end":{"line":19,"column":38}}}) : helper))) != null ? stack1 : "")
    + ";\n";
}},
  "docs/database.md": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"wholeDiagram") || container.strict(depth0, "wholeDiagram", {"start":{"line":14,"column":2},"end":{"line":14,"column":14}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"wholeDiagram","hash":{},"loc":{"start":{"line":14,"column":0},"end":{"line":14,"column":16}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n## Schema "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":18,"column":12},"end":{"line":18,"column":16}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":18,"column":10},"end":{"line":18,"column":18}}}) : helper))) != null ? stack1 : "")
    + "\n\n<a id=\""
    + ((stack1 = (((helper = lookupProperty(helpers,"anchor") || alias1(depth0, "anchor", {"start":{"line":20,"column":9},"end":{"line":20,"column":15}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"anchor","hash":{},"loc":{"start":{"line":20,"column":7},"end":{"line":20,"column":17}}}) : helper))) != null ? stack1 : "")
    + "\"></a>layer: **"
    + ((stack1 = (((helper = lookupProperty(helpers,"layer") || alias1(depth0, "layer", {"start":{"line":20,"column":34},"end":{"line":20,"column":39}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"layer","hash":{},"loc":{"start":{"line":20,"column":32},"end":{"line":20,"column":41}}}) : helper))) != null ? stack1 : "")
    + "**"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"description"),{"name":"if","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":20,"column":43},"end":{"line":20,"column":87}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"diagram"),{"name":"if","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":21,"column":0},"end":{"line":24,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"tables"),{"name":"each","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":25,"column":0},"end":{"line":49,"column":9}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " — "
    + ((stack1 = (((helper = lookupProperty(helpers,"description") || container.strict(depth0, "description", {"start":{"line":20,"column":67},"end":{"line":20,"column":78}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"description","hash":{},"loc":{"start":{"line":20,"column":65},"end":{"line":20,"column":80}}}) : helper))) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"diagram") || container.strict(depth0, "diagram", {"start":{"line":23,"column":2},"end":{"line":23,"column":9}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"diagram","hash":{},"loc":{"start":{"line":23,"column":0},"end":{"line":23,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n### "
    + ((stack1 = (((helper = lookupProperty(helpers,"heading") || alias1(depth0, "heading", {"start":{"line":27,"column":6},"end":{"line":27,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"heading","hash":{},"loc":{"start":{"line":27,"column":4},"end":{"line":27,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\n\n<a id=\""
    + ((stack1 = (((helper = lookupProperty(helpers,"anchor") || alias1(depth0, "anchor", {"start":{"line":29,"column":9},"end":{"line":29,"column":15}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"anchor","hash":{},"loc":{"start":{"line":29,"column":7},"end":{"line":29,"column":17}}}) : helper))) != null ? stack1 : "")
    + "\"></a>"
    + ((stack1 = (((helper = lookupProperty(helpers,"description") || alias1(depth0, "description", {"start":{"line":29,"column":25},"end":{"line":29,"column":36}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"description","hash":{},"loc":{"start":{"line":29,"column":23},"end":{"line":29,"column":38}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"facts"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":31,"column":0},"end":{"line":33,"column":9}}})) != null ? stack1 : "")
    + "\n| column | type | nullable | default | key | description |\n|---|---|---|---|---|---|\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":37,"column":0},"end":{"line":39,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"rowsHeader"),{"name":"if","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"loc":{"start":{"line":40,"column":0},"end":{"line":48,"column":7}}})) != null ? stack1 : "");
},"6":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "- "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\nRows:\n\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"rowsHeader") || container.strict(depth0, "rowsHeader", {"start":{"line":44,"column":2},"end":{"line":44,"column":12}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"rowsHeader","hash":{},"loc":{"start":{"line":44,"column":0},"end":{"line":44,"column":14}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"rows"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":45,"column":0},"end":{"line":47,"column":9}}})) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n\n# Database `"
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":3,"column":14},"end":{"line":3,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":3,"column":12},"end":{"line":3,"column":20}}}) : helper))) != null ? stack1 : "")
    + "`\n\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"description") || alias1(depth0, "description", {"start":{"line":5,"column":2},"end":{"line":5,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"description","hash":{},"loc":{"start":{"line":5,"column":0},"end":{"line":5,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\n\n| schema | layer | tables | description |\n|---|---|---|---|\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"summary"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":9,"column":0},"end":{"line":11,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"wholeDiagram"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":12,"column":0},"end":{"line":15,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"schemas"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":0},"end":{"line":50,"column":9}}})) != null ? stack1 : "");
}},
  "init/database.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "name: "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || container.strict(depth0, "database", {"start":{"line":1,"column":8},"end":{"line":1,"column":16}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"database","hash":{},"loc":{"start":{"line":1,"column":6},"end":{"line":1,"column":18}}}) : helper))) != null ? stack1 : "")
    + "\ndescription: Created by lakegen init\n";
}},
  "init/docker-compose.yml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "# PostgreSQL 15 for local work: docker compose up -d, then\n#   npx lakegen apply --url postgres://postgres:lakegen@localhost:5432/postgres\nservices:\n  postgres:\n    image: postgres:15\n    environment:\n      POSTGRES_PASSWORD: lakegen\n    ports:\n      - \"5432:5432\"\n";
}},
  "init/lakegen.config.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "# lakegen configuration — every key is optional; see the lakegen README for each key and its default.\ndefinitions: definitions\noutput: generated\n# targets: [postgres, snowflake, databricks, typescript, docs]\n# rules:\n#   naming/reserved-word: error\n";
}},
  "init/pre-commit-config.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "# pre-commit (https://pre-commit.com): validates changed definitions and keeps generated/ fresh.\nrepos:\n  - repo: local\n    hooks:\n      - id: lakegen-validate\n        name: lakegen validate\n        entry: npx --no-install lakegen validate\n        language: system\n        files: ^definitions/.*\\.(ya?ml|ts|csv)$\n      - id: lakegen-check\n        name: lakegen compile --check\n        entry: npx --no-install lakegen compile --check\n        language: system\n        pass_filenames: false\n        files: ^(definitions/|generated/|lakegen\\.config\\.yaml$)\n";
}},
  "init/schema-common.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "name: common\ndescription: Reference data shared by every layer\n";
}},
  "init/schema-sales.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "name: sales\nlayer: silver\ndescription: Curated sales entities\n";
}},
  "init/table-customer-hist.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "name: customer_hist\nkind: temporal\ndescription: Customers, with every change kept\nkey: [customer_id]\ncolumns:\n  customer_id: integer\n  full_name: text\n  email: text?\n";
}},
  "init/table-purchase.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "name: purchase\nkind: transactional\ndescription: A purchase by a customer\ncolumns:\n  purchase_id: uuid\n  customer_id: { type: integer, references: sales.customer, logical: true }\n  status_type_id: { type: smallint, references: common.status_type }\n  amount: { type: \"numeric(12,2)\", check: \"amount >= 0\" }\n  note: text?\nprimary_key: [purchase_id]\nindexes:\n  - columns: [customer_id, effective_time]\n";
}},
  "init/table-status-type.yaml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "name: status_type\nkind: reference\ndescription: Lifecycle states of a purchase\ncolumns:\n  status_type_id: smallint\n  status_type_name: { type: \"varchar(50)\", unique: true }\nprimary_key: [status_type_id]\nrows:\n  - { status_type_id: 1, status_type_name: open }\n  - { status_type_id: 2, status_type_name: paid }\n";
}},
  "postgres/database.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"comment") || container.strict(depth0, "comment", {"start":{"line":7,"column":2},"end":{"line":7,"column":9}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"comment","hash":{},"loc":{"start":{"line":7,"column":0},"end":{"line":7,"column":11}}}) : helper))) != null ? stack1 : "")
    + ";\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n-- Creates the database when it does not exist. Run with psql while connected to another database\n-- (CREATE DATABASE cannot run inside a transaction): psql -d postgres -f database.sql\n\nSELECT "
    + ((stack1 = (((helper = lookupProperty(helpers,"createLiteral") || alias1(depth0, "createLiteral", {"start":{"line":5,"column":9},"end":{"line":5,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"createLiteral","hash":{},"loc":{"start":{"line":5,"column":7},"end":{"line":5,"column":24}}}) : helper))) != null ? stack1 : "")
    + " WHERE NOT EXISTS ("
    + ((stack1 = (((helper = lookupProperty(helpers,"existsCheck") || alias1(depth0, "existsCheck", {"start":{"line":5,"column":45},"end":{"line":5,"column":56}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"existsCheck","hash":{},"loc":{"start":{"line":5,"column":43},"end":{"line":5,"column":58}}}) : helper))) != null ? stack1 : "")
    + ")\\gexec\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"comment"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":6,"column":0},"end":{"line":8,"column":7}}})) != null ? stack1 : "");
}},
  "postgres/deploy.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\\ir "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n-- Deploy order of database "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":2,"column":30},"end":{"line":2,"column":38}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":2,"column":28},"end":{"line":2,"column":40}}}) : helper))) != null ? stack1 : "")
    + ", for psql in one transaction:\n--   psql -v ON_ERROR_STOP=1 --single-transaction -d "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":3,"column":55},"end":{"line":3,"column":63}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":3,"column":53},"end":{"line":3,"column":65}}}) : helper))) != null ? stack1 : "")
    + " -f deploy.sql\n-- Every file is idempotent: running the deploy again changes nothing that is up to date.\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"files"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":6,"column":0},"end":{"line":8,"column":9}}})) != null ? stack1 : "");
}},
  "postgres/schemas.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    return "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"create") || container.strict(depth0, "create", {"start":{"line":8,"column":2},"end":{"line":8,"column":8}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"create","hash":{},"loc":{"start":{"line":8,"column":0},"end":{"line":8,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"comment"),{"name":"if","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":9,"column":0},"end":{"line":11,"column":7}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"comment") || container.strict(depth0, "comment", {"start":{"line":10,"column":2},"end":{"line":10,"column":9}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"comment","hash":{},"loc":{"start":{"line":10,"column":0},"end":{"line":10,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"extensions"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":1,"column":0},"end":{"line":3,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"extensions"),"length"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"schemas"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":7,"column":0},"end":{"line":12,"column":9}}})) != null ? stack1 : "");
}},
  "postgres/table.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "  "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ",\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "  "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"indexes"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":11,"column":0},"end":{"line":13,"column":9}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"comments"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":17,"column":0},"end":{"line":19,"column":9}}})) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE TABLE IF NOT EXISTS "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":1,"column":29},"end":{"line":1,"column":33}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"name","hash":{},"loc":{"start":{"line":1,"column":27},"end":{"line":1,"column":35}}}) : helper))) != null ? stack1 : "")
    + " (\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":0},"end":{"line":4,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"lines").call(alias1,lookupProperty(depth0,"constraints"),",",{"name":"lines","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":5,"column":0},"end":{"line":7,"column":10}}})) != null ? stack1 : "")
    + ");\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"indexes"),"length"),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":9,"column":0},"end":{"line":14,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"comments"),"length"),{"name":"if","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":15,"column":0},"end":{"line":20,"column":7}}})) != null ? stack1 : "");
}},
  "postgres/temporal-views.sql": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", alias4=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE OR REPLACE VIEW "
    + ((stack1 = (((helper = lookupProperty(helpers,"view") || alias1(depth0, "view", {"start":{"line":1,"column":25},"end":{"line":1,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"view","hash":{},"loc":{"start":{"line":1,"column":23},"end":{"line":1,"column":31}}}) : helper))) != null ? stack1 : "")
    + " AS\n  SELECT "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "list", {"start":{"line":2,"column":11},"end":{"line":2,"column":23}} ), depth0)) != null ? stack1 : "")
    + " FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":2,"column":33},"end":{"line":2,"column":38}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":2,"column":31},"end":{"line":2,"column":40}}}) : helper))) != null ? stack1 : "")
    + " WHERE sys_end = 'infinity';\nCOMMENT ON VIEW "
    + ((stack1 = (((helper = lookupProperty(helpers,"view") || alias1(depth0, "view", {"start":{"line":3,"column":18},"end":{"line":3,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"view","hash":{},"loc":{"start":{"line":3,"column":16},"end":{"line":3,"column":24}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "view", {"start":{"line":3,"column":30},"end":{"line":3,"column":43}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "asOf", {"start":{"line":5,"column":29},"end":{"line":5,"column":43}} ), depth0)) != null ? stack1 : "")
    + "(t timestamptz) RETURNS SETOF "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":5,"column":77},"end":{"line":5,"column":82}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":5,"column":75},"end":{"line":5,"column":84}}}) : helper))) != null ? stack1 : "")
    + "\nLANGUAGE sql STABLE AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":6,"column":25},"end":{"line":6,"column":28}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":6,"column":23},"end":{"line":6,"column":30}}}) : helper))) != null ? stack1 : "")
    + "\n  SELECT h.* FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":7,"column":20},"end":{"line":7,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":7,"column":18},"end":{"line":7,"column":27}}}) : helper))) != null ? stack1 : "")
    + " h WHERE h.sys_start <= $1 AND h.sys_end > $1\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":8,"column":2},"end":{"line":8,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":8,"column":0},"end":{"line":8,"column":7}}}) : helper))) != null ? stack1 : "")
    + ";\nCOMMENT ON FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "asOf", {"start":{"line":9,"column":22},"end":{"line":9,"column":36}} ), depth0)) != null ? stack1 : "")
    + "(timestamptz) IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "asOf", {"start":{"line":9,"column":57},"end":{"line":9,"column":70}} ), depth0)) != null ? stack1 : "")
    + ";\n";
}},
  "postgres/temporal.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-- The newest version of the key must end by now, or the version opening now would overlap\n-- history that a younger transaction wrote.\nSELECT h.sys_end INTO latest_end FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":7,"column":40},"end":{"line":7,"column":45}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":7,"column":38},"end":{"line":7,"column":47}}}) : helper))) != null ? stack1 : "")
    + " h\n  WHERE "
    + ((stack1 = (((helper = lookupProperty(helpers,"newKeyMatch") || alias1(depth0, "newKeyMatch", {"start":{"line":8,"column":10},"end":{"line":8,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"newKeyMatch","hash":{},"loc":{"start":{"line":8,"column":8},"end":{"line":8,"column":23}}}) : helper))) != null ? stack1 : "")
    + " ORDER BY h.sys_start DESC LIMIT 1;\nIF latest_end > now() THEN\n  IF latest_end = 'infinity' THEN\n    -- Still open (the unique index will decide), unless a concurrent transaction is closing it:\n    -- wait for that one, then look again with a fresh snapshot. FOR UPDATE, not a share lock: two\n    -- waiting upserts would each hold a share and each need the update lock the other blocks (40P01).\n    PERFORM FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":14,"column":19},"end":{"line":14,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":14,"column":17},"end":{"line":14,"column":26}}}) : helper))) != null ? stack1 : "")
    + " h WHERE "
    + ((stack1 = (((helper = lookupProperty(helpers,"newKeyMatch") || alias1(depth0, "newKeyMatch", {"start":{"line":14,"column":37},"end":{"line":14,"column":48}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"newKeyMatch","hash":{},"loc":{"start":{"line":14,"column":35},"end":{"line":14,"column":50}}}) : helper))) != null ? stack1 : "")
    + " AND h.sys_end = 'infinity' FOR UPDATE;\n    SELECT h.sys_end INTO latest_end FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":15,"column":44},"end":{"line":15,"column":49}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":15,"column":42},"end":{"line":15,"column":51}}}) : helper))) != null ? stack1 : "")
    + " h\n      WHERE "
    + ((stack1 = (((helper = lookupProperty(helpers,"newKeyMatch") || alias1(depth0, "newKeyMatch", {"start":{"line":16,"column":14},"end":{"line":16,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"newKeyMatch","hash":{},"loc":{"start":{"line":16,"column":12},"end":{"line":16,"column":27}}}) : helper))) != null ? stack1 : "")
    + " ORDER BY h.sys_start DESC LIMIT 1;\n  END IF;\n  IF latest_end > now() AND latest_end <> 'infinity' THEN\n    "
    + ((stack1 = container.lambda(alias1(lookupProperty(depth0,"raise"), "historyConflict", {"start":{"line":19,"column":6},"end":{"line":19,"column":27}} ), depth0)) != null ? stack1 : "")
    + "\n  END IF;\nEND IF;\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", alias4=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "-- Temporal table "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":1,"column":20},"end":{"line":1,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":1,"column":18},"end":{"line":1,"column":27}}}) : helper))) != null ? stack1 : "")
    + " (contract: docs/temporal.md): open-key index, versioning triggers,\n-- current view "
    + ((stack1 = (((helper = lookupProperty(helpers,"view") || alias1(depth0, "view", {"start":{"line":2,"column":18},"end":{"line":2,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"view","hash":{},"loc":{"start":{"line":2,"column":16},"end":{"line":2,"column":24}}}) : helper))) != null ? stack1 : "")
    + " and "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "asOf", {"start":{"line":2,"column":31},"end":{"line":2,"column":45}} ), depth0)) != null ? stack1 : "")
    + "(t).\n\nCREATE UNIQUE INDEX IF NOT EXISTS "
    + ((stack1 = (((helper = lookupProperty(helpers,"openKeyIndex") || alias1(depth0, "openKeyIndex", {"start":{"line":23,"column":36},"end":{"line":23,"column":48}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"openKeyIndex","hash":{},"loc":{"start":{"line":23,"column":34},"end":{"line":23,"column":50}}}) : helper))) != null ? stack1 : "")
    + "\n  ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":24,"column":7},"end":{"line":24,"column":12}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":24,"column":5},"end":{"line":24,"column":14}}}) : helper))) != null ? stack1 : "")
    + " ("
    + ((stack1 = (((helper = lookupProperty(helpers,"keyList") || alias1(depth0, "keyList", {"start":{"line":24,"column":18},"end":{"line":24,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"keyList","hash":{},"loc":{"start":{"line":24,"column":16},"end":{"line":24,"column":27}}}) : helper))) != null ? stack1 : "")
    + ") WHERE sys_end = 'infinity';\nCOMMENT ON INDEX "
    + ((stack1 = (((helper = lookupProperty(helpers,"openKeyIndexQualified") || alias1(depth0, "openKeyIndexQualified", {"start":{"line":25,"column":19},"end":{"line":25,"column":40}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"openKeyIndexQualified","hash":{},"loc":{"start":{"line":25,"column":17},"end":{"line":25,"column":42}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "openKeyIndex", {"start":{"line":25,"column":48},"end":{"line":25,"column":69}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeInsert", {"start":{"line":27,"column":29},"end":{"line":27,"column":51}} ), depth0)) != null ? stack1 : "")
    + "() RETURNS trigger\nLANGUAGE plpgsql AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":28,"column":22},"end":{"line":28,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":28,"column":20},"end":{"line":28,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\nDECLARE\n  latest_end timestamptz;\nBEGIN\n  -- A closed version written by this table's AFTER triggers, one trigger level down: checked there.\n  IF NEW.sys_end = now() AND pg_trigger_depth() > 1 THEN\n    RETURN NEW;\n  END IF;\n  IF NEW.sys_start = now() AND NEW.sys_end = 'infinity' THEN\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"checkNewKeyHistory"),depth0,{"name":"checkNewKeyHistory","indent":"    ","helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "    RETURN NEW;\n  END IF;\n  IF "
    + ((stack1 = (((helper = lookupProperty(helpers,"historyEditAllowed") || alias1(depth0, "historyEditAllowed", {"start":{"line":40,"column":7},"end":{"line":40,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"historyEditAllowed","hash":{},"loc":{"start":{"line":40,"column":5},"end":{"line":40,"column":27}}}) : helper))) != null ? stack1 : "")
    + " THEN\n    RETURN NEW;\n  END IF;\n  "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "periodSupplied", {"start":{"line":43,"column":4},"end":{"line":43,"column":24}} ), depth0)) != null ? stack1 : "")
    + "\nEND\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":45,"column":2},"end":{"line":45,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":45,"column":0},"end":{"line":45,"column":7}}}) : helper))) != null ? stack1 : "")
    + ";\nCOMMENT ON FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeInsert", {"start":{"line":46,"column":22},"end":{"line":46,"column":44}} ), depth0)) != null ? stack1 : "")
    + "() IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "beforeInsert", {"start":{"line":46,"column":54},"end":{"line":46,"column":75}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeUpdate", {"start":{"line":48,"column":29},"end":{"line":48,"column":51}} ), depth0)) != null ? stack1 : "")
    + "() RETURNS trigger\nLANGUAGE plpgsql AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":49,"column":22},"end":{"line":49,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":49,"column":20},"end":{"line":49,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\nDECLARE\n  latest_end timestamptz;\nBEGIN\n  -- Hot path: a value (not the key) of an earlier transaction's open version changes. The new version\n  -- starts now; the AFTER UPDATE trigger writes the old one back, closed at now.\n  IF OLD.sys_start < now() AND OLD.sys_end = 'infinity' AND NEW.sys_start = OLD.sys_start\n     AND NEW.sys_end = 'infinity' AND "
    + ((stack1 = (((helper = lookupProperty(helpers,"newKeyRow") || alias1(depth0, "newKeyRow", {"start":{"line":56,"column":40},"end":{"line":56,"column":49}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"newKeyRow","hash":{},"loc":{"start":{"line":56,"column":38},"end":{"line":56,"column":51}}}) : helper))) != null ? stack1 : "")
    + " = "
    + ((stack1 = (((helper = lookupProperty(helpers,"oldKeyRow") || alias1(depth0, "oldKeyRow", {"start":{"line":56,"column":56},"end":{"line":56,"column":65}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"oldKeyRow","hash":{},"loc":{"start":{"line":56,"column":54},"end":{"line":56,"column":67}}}) : helper))) != null ? stack1 : "")
    + "\n     AND NOT ("
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "newImage", {"start":{"line":57,"column":16},"end":{"line":57,"column":32}} ), depth0)) != null ? stack1 : "")
    + " *= "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "oldImage", {"start":{"line":57,"column":40},"end":{"line":57,"column":56}} ), depth0)) != null ? stack1 : "")
    + ") THEN\n    NEW.sys_start := now();\n    RETURN NEW;\n  END IF;\n  IF OLD.sys_end = 'infinity' AND NEW.sys_start = OLD.sys_start AND NEW.sys_end = 'infinity' THEN\n    IF "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "newImage", {"start":{"line":62,"column":9},"end":{"line":62,"column":25}} ), depth0)) != null ? stack1 : "")
    + " *= "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "oldImage", {"start":{"line":62,"column":33},"end":{"line":62,"column":49}} ), depth0)) != null ? stack1 : "")
    + " THEN\n      RETURN NEW; -- changes nothing: no new version, and the row still counts as updated\n    END IF;\n    IF OLD.sys_start < now() THEN\n      NEW.sys_start := now(); -- the key changes: close the old key, open the new one\n    ELSIF OLD.sys_start > now() THEN\n      "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "versionConflict", {"start":{"line":68,"column":8},"end":{"line":68,"column":29}} ), depth0)) != null ? stack1 : "")
    + "\n    END IF;\n    -- OLD.sys_start = now(): a version of this same instant (this transaction's own, savepoints included,\n    -- or another's in the same clock tick) is overwritten in place: one version per row per instant.\n    IF "
    + ((stack1 = (((helper = lookupProperty(helpers,"newKeyRow") || alias1(depth0, "newKeyRow", {"start":{"line":72,"column":9},"end":{"line":72,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"newKeyRow","hash":{},"loc":{"start":{"line":72,"column":7},"end":{"line":72,"column":20}}}) : helper))) != null ? stack1 : "")
    + " <> "
    + ((stack1 = (((helper = lookupProperty(helpers,"oldKeyRow") || alias1(depth0, "oldKeyRow", {"start":{"line":72,"column":26},"end":{"line":72,"column":35}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"oldKeyRow","hash":{},"loc":{"start":{"line":72,"column":24},"end":{"line":72,"column":37}}}) : helper))) != null ? stack1 : "")
    + " THEN\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"checkNewKeyHistory"),depth0,{"name":"checkNewKeyHistory","indent":"      ","helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "    END IF;\n    RETURN NEW;\n  END IF;\n  IF "
    + ((stack1 = (((helper = lookupProperty(helpers,"historyEditAllowed") || alias1(depth0, "historyEditAllowed", {"start":{"line":77,"column":7},"end":{"line":77,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"historyEditAllowed","hash":{},"loc":{"start":{"line":77,"column":5},"end":{"line":77,"column":27}}}) : helper))) != null ? stack1 : "")
    + " THEN\n    RETURN NEW;\n  END IF;\n  IF OLD.sys_end <> 'infinity' THEN\n    "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "historyImmutable", {"start":{"line":81,"column":6},"end":{"line":81,"column":28}} ), depth0)) != null ? stack1 : "")
    + "\n  END IF;\n  "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "periodSupplied", {"start":{"line":83,"column":4},"end":{"line":83,"column":24}} ), depth0)) != null ? stack1 : "")
    + "\nEND\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":85,"column":2},"end":{"line":85,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":85,"column":0},"end":{"line":85,"column":7}}}) : helper))) != null ? stack1 : "")
    + ";\nCOMMENT ON FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeUpdate", {"start":{"line":86,"column":22},"end":{"line":86,"column":44}} ), depth0)) != null ? stack1 : "")
    + "() IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "beforeUpdate", {"start":{"line":86,"column":54},"end":{"line":86,"column":75}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "afterUpdate", {"start":{"line":88,"column":29},"end":{"line":88,"column":50}} ), depth0)) != null ? stack1 : "")
    + "() RETURNS trigger\nLANGUAGE plpgsql AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":89,"column":22},"end":{"line":89,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":89,"column":20},"end":{"line":89,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\nBEGIN\n  -- The BEFORE UPDATE trigger started a new version: keep the replaced one, closed where the new one starts.\n  IF OLD.sys_start < now() AND NEW.sys_start = now() AND OLD.sys_end = 'infinity' AND NEW.sys_end = 'infinity' THEN\n    INSERT INTO "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":93,"column":18},"end":{"line":93,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":93,"column":16},"end":{"line":93,"column":25}}}) : helper))) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "list", {"start":{"line":93,"column":29},"end":{"line":93,"column":41}} ), depth0)) != null ? stack1 : "")
    + ", sys_start, sys_end)\n      VALUES ("
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "oldValues", {"start":{"line":94,"column":16},"end":{"line":94,"column":33}} ), depth0)) != null ? stack1 : "")
    + ", OLD.sys_start, now());\n  END IF;\n  RETURN NULL;\nEND\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":98,"column":2},"end":{"line":98,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":98,"column":0},"end":{"line":98,"column":7}}}) : helper))) != null ? stack1 : "")
    + ";\nCOMMENT ON FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "afterUpdate", {"start":{"line":99,"column":22},"end":{"line":99,"column":43}} ), depth0)) != null ? stack1 : "")
    + "() IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "afterUpdate", {"start":{"line":99,"column":53},"end":{"line":99,"column":73}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "afterDelete", {"start":{"line":101,"column":29},"end":{"line":101,"column":50}} ), depth0)) != null ? stack1 : "")
    + "() RETURNS trigger\nLANGUAGE plpgsql AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":102,"column":22},"end":{"line":102,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":102,"column":20},"end":{"line":102,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\nBEGIN\n  IF OLD.sys_start < now() AND OLD.sys_end = 'infinity' THEN\n    INSERT INTO "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":105,"column":18},"end":{"line":105,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":105,"column":16},"end":{"line":105,"column":25}}}) : helper))) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "list", {"start":{"line":105,"column":29},"end":{"line":105,"column":41}} ), depth0)) != null ? stack1 : "")
    + ", sys_start, sys_end)\n      VALUES ("
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"columns"), "oldValues", {"start":{"line":106,"column":16},"end":{"line":106,"column":33}} ), depth0)) != null ? stack1 : "")
    + ", OLD.sys_start, now());\n    RETURN NULL;\n  END IF;\n  IF OLD.sys_start = now() AND OLD.sys_end = 'infinity' THEN\n    RETURN NULL; -- a version of this same instant (normally this transaction's own) leaves no trace\n  END IF;\n  IF "
    + ((stack1 = (((helper = lookupProperty(helpers,"historyEditAllowed") || alias1(depth0, "historyEditAllowed", {"start":{"line":112,"column":7},"end":{"line":112,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"historyEditAllowed","hash":{},"loc":{"start":{"line":112,"column":5},"end":{"line":112,"column":27}}}) : helper))) != null ? stack1 : "")
    + " THEN\n    RETURN NULL;\n  END IF;\n  IF OLD.sys_end = 'infinity' THEN\n    "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "versionConflict", {"start":{"line":116,"column":6},"end":{"line":116,"column":27}} ), depth0)) != null ? stack1 : "")
    + "\n  END IF;\n  "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "historyImmutable", {"start":{"line":118,"column":4},"end":{"line":118,"column":26}} ), depth0)) != null ? stack1 : "")
    + "\nEND\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":120,"column":2},"end":{"line":120,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":120,"column":0},"end":{"line":120,"column":7}}}) : helper))) != null ? stack1 : "")
    + ";\nCOMMENT ON FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "afterDelete", {"start":{"line":121,"column":22},"end":{"line":121,"column":43}} ), depth0)) != null ? stack1 : "")
    + "() IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "afterDelete", {"start":{"line":121,"column":53},"end":{"line":121,"column":73}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeTruncate", {"start":{"line":123,"column":29},"end":{"line":123,"column":53}} ), depth0)) != null ? stack1 : "")
    + "() RETURNS trigger\nLANGUAGE plpgsql AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":124,"column":22},"end":{"line":124,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":124,"column":20},"end":{"line":124,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\nBEGIN\n  IF "
    + ((stack1 = (((helper = lookupProperty(helpers,"historyEditAllowed") || alias1(depth0, "historyEditAllowed", {"start":{"line":126,"column":7},"end":{"line":126,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"historyEditAllowed","hash":{},"loc":{"start":{"line":126,"column":5},"end":{"line":126,"column":27}}}) : helper))) != null ? stack1 : "")
    + " THEN\n    RETURN NULL;\n  END IF;\n  "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"raise"), "truncateRefused", {"start":{"line":129,"column":4},"end":{"line":129,"column":25}} ), depth0)) != null ? stack1 : "")
    + "\nEND\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"tag") || alias1(depth0, "tag", {"start":{"line":131,"column":2},"end":{"line":131,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"tag","hash":{},"loc":{"start":{"line":131,"column":0},"end":{"line":131,"column":7}}}) : helper))) != null ? stack1 : "")
    + ";\nCOMMENT ON FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeTruncate", {"start":{"line":132,"column":22},"end":{"line":132,"column":46}} ), depth0)) != null ? stack1 : "")
    + "() IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "beforeTruncate", {"start":{"line":132,"column":56},"end":{"line":132,"column":79}} ), depth0)) != null ? stack1 : "")
    + ";\n\nCREATE OR REPLACE TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "beforeInsert", {"start":{"line":134,"column":28},"end":{"line":134,"column":49}} ), depth0)) != null ? stack1 : "")
    + " BEFORE INSERT ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":134,"column":71},"end":{"line":134,"column":76}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":134,"column":69},"end":{"line":134,"column":78}}}) : helper))) != null ? stack1 : "")
    + "\n  FOR EACH ROW EXECUTE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeInsert", {"start":{"line":135,"column":34},"end":{"line":135,"column":56}} ), depth0)) != null ? stack1 : "")
    + "();\nCOMMENT ON TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "beforeInsert", {"start":{"line":136,"column":21},"end":{"line":136,"column":42}} ), depth0)) != null ? stack1 : "")
    + " ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":136,"column":50},"end":{"line":136,"column":55}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":136,"column":48},"end":{"line":136,"column":57}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "beforeInsert", {"start":{"line":136,"column":63},"end":{"line":136,"column":84}} ), depth0)) != null ? stack1 : "")
    + ";\nCREATE OR REPLACE TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "beforeUpdate", {"start":{"line":137,"column":28},"end":{"line":137,"column":49}} ), depth0)) != null ? stack1 : "")
    + " BEFORE UPDATE ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":137,"column":71},"end":{"line":137,"column":76}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":137,"column":69},"end":{"line":137,"column":78}}}) : helper))) != null ? stack1 : "")
    + "\n  FOR EACH ROW EXECUTE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeUpdate", {"start":{"line":138,"column":34},"end":{"line":138,"column":56}} ), depth0)) != null ? stack1 : "")
    + "();\nCOMMENT ON TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "beforeUpdate", {"start":{"line":139,"column":21},"end":{"line":139,"column":42}} ), depth0)) != null ? stack1 : "")
    + " ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":139,"column":50},"end":{"line":139,"column":55}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":139,"column":48},"end":{"line":139,"column":57}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "beforeUpdate", {"start":{"line":139,"column":63},"end":{"line":139,"column":84}} ), depth0)) != null ? stack1 : "")
    + ";\nCREATE OR REPLACE TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "afterUpdate", {"start":{"line":140,"column":28},"end":{"line":140,"column":48}} ), depth0)) != null ? stack1 : "")
    + " AFTER UPDATE ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":140,"column":69},"end":{"line":140,"column":74}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":140,"column":67},"end":{"line":140,"column":76}}}) : helper))) != null ? stack1 : "")
    + "\n  FOR EACH ROW EXECUTE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "afterUpdate", {"start":{"line":141,"column":34},"end":{"line":141,"column":55}} ), depth0)) != null ? stack1 : "")
    + "();\nCOMMENT ON TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "afterUpdate", {"start":{"line":142,"column":21},"end":{"line":142,"column":41}} ), depth0)) != null ? stack1 : "")
    + " ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":142,"column":49},"end":{"line":142,"column":54}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":142,"column":47},"end":{"line":142,"column":56}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "afterUpdate", {"start":{"line":142,"column":62},"end":{"line":142,"column":82}} ), depth0)) != null ? stack1 : "")
    + ";\nCREATE OR REPLACE TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "afterDelete", {"start":{"line":143,"column":28},"end":{"line":143,"column":48}} ), depth0)) != null ? stack1 : "")
    + " AFTER DELETE ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":143,"column":69},"end":{"line":143,"column":74}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":143,"column":67},"end":{"line":143,"column":76}}}) : helper))) != null ? stack1 : "")
    + "\n  FOR EACH ROW EXECUTE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "afterDelete", {"start":{"line":144,"column":34},"end":{"line":144,"column":55}} ), depth0)) != null ? stack1 : "")
    + "();\nCOMMENT ON TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "afterDelete", {"start":{"line":145,"column":21},"end":{"line":145,"column":41}} ), depth0)) != null ? stack1 : "")
    + " ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":145,"column":49},"end":{"line":145,"column":54}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":145,"column":47},"end":{"line":145,"column":56}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "afterDelete", {"start":{"line":145,"column":62},"end":{"line":145,"column":82}} ), depth0)) != null ? stack1 : "")
    + ";\nCREATE OR REPLACE TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "beforeTruncate", {"start":{"line":146,"column":28},"end":{"line":146,"column":51}} ), depth0)) != null ? stack1 : "")
    + " BEFORE TRUNCATE ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":146,"column":75},"end":{"line":146,"column":80}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":146,"column":73},"end":{"line":146,"column":82}}}) : helper))) != null ? stack1 : "")
    + "\n  FOR EACH STATEMENT EXECUTE FUNCTION "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"functions"), "beforeTruncate", {"start":{"line":147,"column":40},"end":{"line":147,"column":64}} ), depth0)) != null ? stack1 : "")
    + "();\nCOMMENT ON TRIGGER "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"triggers"), "beforeTruncate", {"start":{"line":148,"column":21},"end":{"line":148,"column":44}} ), depth0)) != null ? stack1 : "")
    + " ON "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":148,"column":52},"end":{"line":148,"column":57}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":148,"column":50},"end":{"line":148,"column":59}}}) : helper))) != null ? stack1 : "")
    + " IS "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"comments"), "beforeTruncate", {"start":{"line":148,"column":65},"end":{"line":148,"column":88}} ), depth0)) != null ? stack1 : "")
    + ";\n";
},"main_d":  function(fn, props, container, depth0, data, blockParams, depths) {

  var decorators = container.decorators, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  var decorator = lookupProperty(decorators,"inline");
  if (typeof decorator !== "function") { throw new Error("Missing decorator: \"inline\""); }
  fn = decorator(fn,props,container,{"name":"inline","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"args":["checkNewKeyHistory"],"loc":{"start":{"line":4,"column":0},"end":{"line":22,"column":11}}}) || fn;
  return fn;
  }

,"useDecorators":true,"usePartial":true,"useDepths":true},
  "snowflake/PORTABILITY.md": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "- "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n## "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || alias1(depth0, "title", {"start":{"line":15,"column":5},"end":{"line":15,"column":10}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"title","hash":{},"loc":{"start":{"line":15,"column":3},"end":{"line":15,"column":12}}}) : helper))) != null ? stack1 : "")
    + "\n\nDefined in `"
    + ((stack1 = (((helper = lookupProperty(helpers,"source") || alias1(depth0, "source", {"start":{"line":17,"column":14},"end":{"line":17,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"source","hash":{},"loc":{"start":{"line":17,"column":12},"end":{"line":17,"column":22}}}) : helper))) != null ? stack1 : "")
    + "`.\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"topics"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":18,"column":0},"end":{"line":25,"column":9}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n### "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || container.strict(depth0, "title", {"start":{"line":20,"column":6},"end":{"line":20,"column":11}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"title","hash":{},"loc":{"start":{"line":20,"column":4},"end":{"line":20,"column":13}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"notes"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":22,"column":0},"end":{"line":24,"column":9}}})) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n# "
    + ((stack1 = (((helper = lookupProperty(helpers,"title") || alias1(depth0, "title", {"start":{"line":2,"column":4},"end":{"line":2,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"title","hash":{},"loc":{"start":{"line":2,"column":2},"end":{"line":2,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"intro"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":9}}})) != null ? stack1 : "")
    + "\n## Whole database\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"general"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":10,"column":0},"end":{"line":12,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":13,"column":0},"end":{"line":26,"column":9}}})) != null ? stack1 : "");
}},
  "snowflake/as-of-body.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  SELECT "
    + ((stack1 = lookupProperty(helpers,"join").call(alias1,lookupProperty(depth0,"columns"),", ",{"name":"join","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":1,"column":9},"end":{"line":1,"column":48}}})) != null ? stack1 : "")
    + "\n  FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias2(depth0, "history", {"start":{"line":2,"column":9},"end":{"line":2,"column":16}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"history","hash":{},"loc":{"start":{"line":2,"column":7},"end":{"line":2,"column":18}}}) : helper))) != null ? stack1 : "")
    + "\n  WHERE sys_start <= "
    + ((stack1 = (((helper = lookupProperty(helpers,"argument") || alias2(depth0, "argument", {"start":{"line":3,"column":23},"end":{"line":3,"column":31}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"argument","hash":{},"loc":{"start":{"line":3,"column":21},"end":{"line":3,"column":33}}}) : helper))) != null ? stack1 : "")
    + " AND (sys_end IS NULL OR sys_end > "
    + ((stack1 = (((helper = lookupProperty(helpers,"argument") || alias2(depth0, "argument", {"start":{"line":3,"column":70},"end":{"line":3,"column":78}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"argument","hash":{},"loc":{"start":{"line":3,"column":68},"end":{"line":3,"column":80}}}) : helper))) != null ? stack1 : "")
    + ")\n";
}},
  "snowflake/as-of-function.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE OR REPLACE FUNCTION "
    + ((stack1 = (((helper = lookupProperty(helpers,"function") || alias1(depth0, "function", {"start":{"line":1,"column":29},"end":{"line":1,"column":37}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"function","hash":{},"loc":{"start":{"line":1,"column":27},"end":{"line":1,"column":39}}}) : helper))) != null ? stack1 : "")
    + "("
    + ((stack1 = (((helper = lookupProperty(helpers,"argument") || alias1(depth0, "argument", {"start":{"line":1,"column":42},"end":{"line":1,"column":50}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"argument","hash":{},"loc":{"start":{"line":1,"column":40},"end":{"line":1,"column":52}}}) : helper))) != null ? stack1 : "")
    + " TIMESTAMP_TZ)\n  RETURNS TABLE ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"returns"),", ",{"name":"join","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":17},"end":{"line":2,"column":56}}})) != null ? stack1 : "")
    + ")\n  COMMENT = "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":3,"column":14},"end":{"line":3,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":3,"column":12},"end":{"line":3,"column":23}}}) : helper))) != null ? stack1 : "")
    + "\nAS "
    + ((stack1 = (((helper = lookupProperty(helpers,"body") || alias1(depth0, "body", {"start":{"line":4,"column":5},"end":{"line":4,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"body","hash":{},"loc":{"start":{"line":4,"column":3},"end":{"line":4,"column":11}}}) : helper))) != null ? stack1 : "")
    + ";\n";
}},
  "snowflake/create-table.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "  "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\n"
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE TABLE IF NOT EXISTS "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":1,"column":29},"end":{"line":1,"column":33}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"name","hash":{},"loc":{"start":{"line":1,"column":27},"end":{"line":1,"column":35}}}) : helper))) != null ? stack1 : "")
    + " (\n"
    + ((stack1 = lookupProperty(helpers,"lines").call(alias1,lookupProperty(depth0,"lines"),",",{"name":"lines","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":0},"end":{"line":4,"column":10}}})) != null ? stack1 : "")
    + ")"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"clauses"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":5,"column":1},"end":{"line":6,"column":17}}})) != null ? stack1 : "")
    + ";\n";
}},
  "snowflake/deactivate.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " AND "
    + ((stack1 = (((helper = lookupProperty(helpers,"keep") || container.strict(depth0, "keep", {"start":{"line":2,"column":34},"end":{"line":2,"column":38}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"keep","hash":{},"loc":{"start":{"line":2,"column":32},"end":{"line":2,"column":40}}}) : helper))) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "UPDATE "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":1,"column":9},"end":{"line":1,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":1,"column":7},"end":{"line":1,"column":16}}}) : helper))) != null ? stack1 : "")
    + " SET is_active = FALSE, systime = "
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":1,"column":52},"end":{"line":1,"column":55}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":1,"column":50},"end":{"line":1,"column":57}}}) : helper))) != null ? stack1 : "")
    + "\nWHERE is_active"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"keep"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":15},"end":{"line":2,"column":47}}})) != null ? stack1 : "")
    + ";\n";
}},
  "snowflake/deploy.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "!source "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n-- Deploy order of database "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":2,"column":30},"end":{"line":2,"column":38}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":2,"column":28},"end":{"line":2,"column":40}}}) : helper))) != null ? stack1 : "")
    + " on Snowflake. The paths are relative: run it from this folder,\n--   snowsql -o exit_on_error=true -f deploy.sql\n-- with a role that may create the database, its schemas, tables, streams, tasks and functions, and resume\n-- tasks (EXECUTE TASK). Every file is idempotent: a second deploy changes nothing that is up to date.\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"files"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":7,"column":0},"end":{"line":9,"column":9}}})) != null ? stack1 : "");
}},
  "snowflake/file.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\n"
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || container.strict(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"statements"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":0},"end":{"line":5,"column":9}}})) != null ? stack1 : "");
}},
  "snowflake/guarded-constraint.sql": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "DECLARE\n  existing INTEGER;\nBEGIN\n  SELECT COUNT(*) INTO :existing\n  FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":5,"column":9},"end":{"line":5,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":5,"column":7},"end":{"line":5,"column":19}}}) : helper))) != null ? stack1 : "")
    + ".INFORMATION_SCHEMA.TABLE_CONSTRAINTS\n  WHERE TABLE_SCHEMA = "
    + ((stack1 = (((helper = lookupProperty(helpers,"schema") || alias1(depth0, "schema", {"start":{"line":6,"column":25},"end":{"line":6,"column":31}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"schema","hash":{},"loc":{"start":{"line":6,"column":23},"end":{"line":6,"column":33}}}) : helper))) != null ? stack1 : "")
    + " AND TABLE_NAME = "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":6,"column":53},"end":{"line":6,"column":58}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":6,"column":51},"end":{"line":6,"column":60}}}) : helper))) != null ? stack1 : "")
    + " AND CONSTRAINT_NAME = "
    + ((stack1 = (((helper = lookupProperty(helpers,"constraint") || alias1(depth0, "constraint", {"start":{"line":6,"column":85},"end":{"line":6,"column":95}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"constraint","hash":{},"loc":{"start":{"line":6,"column":83},"end":{"line":6,"column":97}}}) : helper))) != null ? stack1 : "")
    + ";\n  IF (existing = 0) THEN\n    ALTER TABLE "
    + ((stack1 = (((helper = lookupProperty(helpers,"qualifiedTable") || alias1(depth0, "qualifiedTable", {"start":{"line":8,"column":18},"end":{"line":8,"column":32}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"qualifiedTable","hash":{},"loc":{"start":{"line":8,"column":16},"end":{"line":8,"column":34}}}) : helper))) != null ? stack1 : "")
    + " ADD "
    + ((stack1 = (((helper = lookupProperty(helpers,"definition") || alias1(depth0, "definition", {"start":{"line":8,"column":41},"end":{"line":8,"column":51}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"definition","hash":{},"loc":{"start":{"line":8,"column":39},"end":{"line":8,"column":53}}}) : helper))) != null ? stack1 : "")
    + ";\n  END IF;\nEND;\n";
}},
  "snowflake/history-task.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    touched."
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":11,"column":14},"end":{"line":11,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":11,"column":12},"end":{"line":11,"column":20}}}) : helper))) != null ? stack1 : "")
    + " AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"alias") || alias1(depth0, "alias", {"start":{"line":11,"column":26},"end":{"line":11,"column":31}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"alias","hash":{},"loc":{"start":{"line":11,"column":24},"end":{"line":11,"column":33}}}) : helper))) != null ? stack1 : "")
    + ",\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "    changed."
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ",\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":17,"column":44},"end":{"line":17,"column":48}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"name","hash":{},"loc":{"start":{"line":17,"column":42},"end":{"line":17,"column":50}}}) : helper))) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "changed."
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":23,"column":38},"end":{"line":23,"column":42}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":23,"column":36},"end":{"line":23,"column":44}}}) : helper))) != null ? stack1 : "")
    + " = touched."
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":23,"column":57},"end":{"line":23,"column":61}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":23,"column":55},"end":{"line":23,"column":63}}}) : helper))) != null ? stack1 : "");
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  UNION ALL\n  SELECT\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"key"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":27,"column":0},"end":{"line":29,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"state"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":30,"column":0},"end":{"line":32,"column":9}}})) != null ? stack1 : "")
    + "    TRUE\n  FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"stream") || alias2(depth0, "stream", {"start":{"line":34,"column":9},"end":{"line":34,"column":15}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"stream","hash":{},"loc":{"start":{"line":34,"column":7},"end":{"line":34,"column":17}}}) : helper))) != null ? stack1 : "")
    + " AS changed\n  JOIN "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias2(depth0, "history", {"start":{"line":35,"column":9},"end":{"line":35,"column":16}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"history","hash":{},"loc":{"start":{"line":35,"column":7},"end":{"line":35,"column":18}}}) : helper))) != null ? stack1 : "")
    + " AS open_version\n    ON "
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"key"),{"name":"each","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"loc":{"start":{"line":36,"column":7},"end":{"line":36,"column":74}}})) != null ? stack1 : "")
    + "open_version.sys_end IS NULL\n  WHERE changed.METADATA$ACTION = 'INSERT'\n    AND ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias1,lookupProperty(depth0,"values")," OR ",{"name":"join","hash":{},"fn":container.program(8, data, 0),"inverse":container.noop,"loc":{"start":{"line":38,"column":9},"end":{"line":38,"column":96}}})) != null ? stack1 : "")
    + ")\n";
},"6":function(container,depth0,helpers,partials,data) {
    return "    NULL,\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "open_version."
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":36,"column":35},"end":{"line":36,"column":39}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":36,"column":33},"end":{"line":36,"column":41}}}) : helper))) != null ? stack1 : "")
    + " = changed."
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":36,"column":54},"end":{"line":36,"column":58}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":36,"column":52},"end":{"line":36,"column":60}}}) : helper))) != null ? stack1 : "")
    + " AND ";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.lambda;

  return "open_version."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "")
    + " IS DISTINCT FROM changed."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "");
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "target_version."
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":41,"column":33},"end":{"line":41,"column":37}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":41,"column":31},"end":{"line":41,"column":39}}}) : helper))) != null ? stack1 : "")
    + " = change_row."
    + ((stack1 = (((helper = lookupProperty(helpers,"alias") || alias1(depth0, "alias", {"start":{"line":41,"column":55},"end":{"line":41,"column":60}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"alias","hash":{},"loc":{"start":{"line":41,"column":53},"end":{"line":41,"column":62}}}) : helper))) != null ? stack1 : "")
    + " AND ";
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.lambda;

  return " OR target_version."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "")
    + " IS DISTINCT FROM change_row."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "");
},"11":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "change_row."
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE OR REPLACE TASK "
    + ((stack1 = (((helper = lookupProperty(helpers,"task") || alias1(depth0, "task", {"start":{"line":1,"column":25},"end":{"line":1,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"task","hash":{},"loc":{"start":{"line":1,"column":23},"end":{"line":1,"column":31}}}) : helper))) != null ? stack1 : "")
    + "\n  WAREHOUSE = "
    + ((stack1 = (((helper = lookupProperty(helpers,"warehouse") || alias1(depth0, "warehouse", {"start":{"line":2,"column":16},"end":{"line":2,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"warehouse","hash":{},"loc":{"start":{"line":2,"column":14},"end":{"line":2,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\n  SCHEDULE = "
    + ((stack1 = (((helper = lookupProperty(helpers,"schedule") || alias1(depth0, "schedule", {"start":{"line":3,"column":15},"end":{"line":3,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"schedule","hash":{},"loc":{"start":{"line":3,"column":13},"end":{"line":3,"column":25}}}) : helper))) != null ? stack1 : "")
    + "\n  COMMENT = "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":4,"column":14},"end":{"line":4,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":4,"column":12},"end":{"line":4,"column":23}}}) : helper))) != null ? stack1 : "")
    + "\n  WHEN SYSTEM$STREAM_HAS_DATA("
    + ((stack1 = (((helper = lookupProperty(helpers,"streamLiteral") || alias1(depth0, "streamLiteral", {"start":{"line":5,"column":32},"end":{"line":5,"column":45}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"streamLiteral","hash":{},"loc":{"start":{"line":5,"column":30},"end":{"line":5,"column":47}}}) : helper))) != null ? stack1 : "")
    + ")\nAS\nMERGE INTO "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias1(depth0, "history", {"start":{"line":7,"column":13},"end":{"line":7,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"history","hash":{},"loc":{"start":{"line":7,"column":11},"end":{"line":7,"column":22}}}) : helper))) != null ? stack1 : "")
    + " AS target_version\nUSING (\n  SELECT\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"key"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":10,"column":0},"end":{"line":12,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"state"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":13,"column":0},"end":{"line":15,"column":9}}})) != null ? stack1 : "")
    + "    COALESCE(changed."
    + ((stack1 = (((helper = lookupProperty(helpers,"isNew") || alias1(depth0, "isNew", {"start":{"line":16,"column":23},"end":{"line":16,"column":28}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"isNew","hash":{},"loc":{"start":{"line":16,"column":21},"end":{"line":16,"column":30}}}) : helper))) != null ? stack1 : "")
    + ", FALSE) AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"isNew") || alias1(depth0, "isNew", {"start":{"line":16,"column":44},"end":{"line":16,"column":49}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"isNew","hash":{},"loc":{"start":{"line":16,"column":42},"end":{"line":16,"column":51}}}) : helper))) != null ? stack1 : "")
    + "\n  FROM (SELECT DISTINCT "
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"key"),", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":17,"column":24},"end":{"line":17,"column":59}}})) != null ? stack1 : "")
    + " FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"stream") || alias1(depth0, "stream", {"start":{"line":17,"column":67},"end":{"line":17,"column":73}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"stream","hash":{},"loc":{"start":{"line":17,"column":65},"end":{"line":17,"column":75}}}) : helper))) != null ? stack1 : "")
    + ") AS touched\n  LEFT JOIN (\n    SELECT "
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"state"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":19,"column":11},"end":{"line":19,"column":45}}})) != null ? stack1 : "")
    + "TRUE AS "
    + ((stack1 = (((helper = lookupProperty(helpers,"isNew") || alias1(depth0, "isNew", {"start":{"line":19,"column":55},"end":{"line":19,"column":60}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"isNew","hash":{},"loc":{"start":{"line":19,"column":53},"end":{"line":19,"column":62}}}) : helper))) != null ? stack1 : "")
    + "\n    FROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"stream") || alias1(depth0, "stream", {"start":{"line":20,"column":11},"end":{"line":20,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"stream","hash":{},"loc":{"start":{"line":20,"column":9},"end":{"line":20,"column":19}}}) : helper))) != null ? stack1 : "")
    + "\n    WHERE METADATA$ACTION = 'INSERT'\n  ) AS changed\n    ON "
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"key")," AND ",{"name":"join","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":23,"column":7},"end":{"line":23,"column":72}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"values"),"length"),{"name":"if","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":24,"column":0},"end":{"line":39,"column":7}}})) != null ? stack1 : "")
    + ") AS change_row\nON "
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"key"),{"name":"each","hash":{},"fn":container.program(9, data, 0),"inverse":container.noop,"loc":{"start":{"line":41,"column":3},"end":{"line":41,"column":76}}})) != null ? stack1 : "")
    + "target_version.sys_end IS NULL\nWHEN MATCHED AND (NOT change_row."
    + ((stack1 = (((helper = lookupProperty(helpers,"isNew") || alias1(depth0, "isNew", {"start":{"line":42,"column":35},"end":{"line":42,"column":40}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"isNew","hash":{},"loc":{"start":{"line":42,"column":33},"end":{"line":42,"column":42}}}) : helper))) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"values"),{"name":"each","hash":{},"fn":container.program(10, data, 0),"inverse":container.noop,"loc":{"start":{"line":42,"column":42},"end":{"line":42,"column":131}}})) != null ? stack1 : "")
    + ") THEN\n  UPDATE SET sys_end = "
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":43,"column":25},"end":{"line":43,"column":28}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":43,"column":23},"end":{"line":43,"column":30}}}) : helper))) != null ? stack1 : "")
    + "\nWHEN NOT MATCHED AND change_row."
    + ((stack1 = (((helper = lookupProperty(helpers,"isNew") || alias1(depth0, "isNew", {"start":{"line":44,"column":34},"end":{"line":44,"column":39}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"isNew","hash":{},"loc":{"start":{"line":44,"column":32},"end":{"line":44,"column":41}}}) : helper))) != null ? stack1 : "")
    + " THEN\n  INSERT ("
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"state"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":45,"column":10},"end":{"line":45,"column":44}}})) != null ? stack1 : "")
    + "sys_start, sys_end)\n  VALUES ("
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"state"),{"name":"each","hash":{},"fn":container.program(11, data, 0),"inverse":container.noop,"loc":{"start":{"line":46,"column":10},"end":{"line":46,"column":55}}})) != null ? stack1 : "")
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":46,"column":57},"end":{"line":46,"column":60}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":46,"column":55},"end":{"line":46,"column":62}}}) : helper))) != null ? stack1 : "")
    + ", NULL);\n";
}},
  "snowflake/open-versions-view.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE OR REPLACE VIEW "
    + ((stack1 = (((helper = lookupProperty(helpers,"view") || alias1(depth0, "view", {"start":{"line":1,"column":25},"end":{"line":1,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"view","hash":{},"loc":{"start":{"line":1,"column":23},"end":{"line":1,"column":31}}}) : helper))) != null ? stack1 : "")
    + "\n  COMMENT = "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":2,"column":14},"end":{"line":2,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":2,"column":12},"end":{"line":2,"column":23}}}) : helper))) != null ? stack1 : "")
    + "\nAS\nSELECT "
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"columns"),", ",{"name":"join","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":7},"end":{"line":4,"column":46}}})) != null ? stack1 : "")
    + "\nFROM "
    + ((stack1 = (((helper = lookupProperty(helpers,"history") || alias1(depth0, "history", {"start":{"line":5,"column":7},"end":{"line":5,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"history","hash":{},"loc":{"start":{"line":5,"column":5},"end":{"line":5,"column":16}}}) : helper))) != null ? stack1 : "")
    + "\nWHERE sys_end IS NULL;\n";
}},
  "snowflake/reference-merge.sql": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "    "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    ("
    + ((stack1 = lookupProperty(helpers,"join").call(depth0 != null ? depth0 : (container.nullContext || {}),depth0,", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":9,"column":5},"end":{"line":9,"column":41}}})) != null ? stack1 : "")
    + ")\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.lambda;

  return "target."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "")
    + " = source."
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(container.strict(depth0, "column", {"start":{"line":16,"column":88},"end":{"line":16,"column":99}} ), depth0)) != null ? stack1 : "")
    + ", ";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "source."
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + ", ";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(container.strict(depth0, "value", {"start":{"line":17,"column":75},"end":{"line":17,"column":85}} ), depth0)) != null ? stack1 : "")
    + ", ";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "MERGE INTO "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":1,"column":13},"end":{"line":1,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":1,"column":11},"end":{"line":1,"column":20}}}) : helper))) != null ? stack1 : "")
    + " AS target\nUSING (\n  SELECT\n"
    + ((stack1 = lookupProperty(helpers,"lines").call(alias2,lookupProperty(depth0,"select"),",",{"name":"lines","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":10}}})) != null ? stack1 : "")
    + "  FROM (VALUES\n"
    + ((stack1 = lookupProperty(helpers,"lines").call(alias2,lookupProperty(depth0,"rows"),",",{"name":"lines","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":8,"column":0},"end":{"line":10,"column":10}}})) != null ? stack1 : "")
    + "  ) AS source_rows ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"sourceColumns"),", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":11,"column":20},"end":{"line":11,"column":65}}})) != null ? stack1 : "")
    + ")\n) AS source\nON "
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"key")," AND ",{"name":"join","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":13,"column":3},"end":{"line":13,"column":66}}})) != null ? stack1 : "")
    + "\nWHEN MATCHED AND ("
    + ((stack1 = lookupProperty(helpers,"join").call(alias2,lookupProperty(depth0,"comparisons")," OR ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":14,"column":18},"end":{"line":14,"column":63}}})) != null ? stack1 : "")
    + ") THEN UPDATE SET\n  "
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"assignments"),{"name":"each","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":15,"column":2},"end":{"line":15,"column":42}}})) != null ? stack1 : "")
    + "systime = "
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":15,"column":54},"end":{"line":15,"column":57}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":15,"column":52},"end":{"line":15,"column":59}}}) : helper))) != null ? stack1 : "")
    + "\nWHEN NOT MATCHED THEN INSERT ("
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":30},"end":{"line":16,"column":66}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"insertOnly"),{"name":"each","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":66},"end":{"line":16,"column":112}}})) != null ? stack1 : "")
    + "systime)\n  VALUES ("
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":17,"column":10},"end":{"line":17,"column":53}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"insertOnly"),{"name":"each","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"loc":{"start":{"line":17,"column":53},"end":{"line":17,"column":98}}})) != null ? stack1 : "")
    + ((stack1 = (((helper = lookupProperty(helpers,"now") || alias1(depth0, "now", {"start":{"line":17,"column":100},"end":{"line":17,"column":103}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"now","hash":{},"loc":{"start":{"line":17,"column":98},"end":{"line":17,"column":105}}}) : helper))) != null ? stack1 : "")
    + ");\n";
}},
  "snowflake/stream.sql": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "CREATE STREAM IF NOT EXISTS "
    + ((stack1 = (((helper = lookupProperty(helpers,"stream") || alias1(depth0, "stream", {"start":{"line":1,"column":30},"end":{"line":1,"column":36}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"stream","hash":{},"loc":{"start":{"line":1,"column":28},"end":{"line":1,"column":38}}}) : helper))) != null ? stack1 : "")
    + "\n  ON TABLE "
    + ((stack1 = (((helper = lookupProperty(helpers,"current") || alias1(depth0, "current", {"start":{"line":2,"column":13},"end":{"line":2,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"current","hash":{},"loc":{"start":{"line":2,"column":11},"end":{"line":2,"column":22}}}) : helper))) != null ? stack1 : "")
    + "\n  SHOW_INITIAL_ROWS = TRUE\n  COMMENT = "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":4,"column":14},"end":{"line":4,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":4,"column":12},"end":{"line":4,"column":23}}}) : helper))) != null ? stack1 : "")
    + ";\n";
}},
  "typescript/index.ts": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "import * as "
    + ((stack1 = (((helper = lookupProperty(helpers,"binding") || alias1(depth0, "binding", {"start":{"line":4,"column":14},"end":{"line":4,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"binding","hash":{},"loc":{"start":{"line":4,"column":12},"end":{"line":4,"column":23}}}) : helper))) != null ? stack1 : "")
    + " from './schemas/"
    + ((stack1 = (((helper = lookupProperty(helpers,"file") || alias1(depth0, "file", {"start":{"line":4,"column":42},"end":{"line":4,"column":46}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"file","hash":{},"loc":{"start":{"line":4,"column":40},"end":{"line":4,"column":48}}}) : helper))) != null ? stack1 : "")
    + ".js';\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export { "
    + ((stack1 = lookupProperty(helpers,"join").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"schemas"),", ",{"name":"join","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":12,"column":9},"end":{"line":12,"column":51}}})) != null ? stack1 : "")
    + " };\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"binding") || container.strict(depth0, "binding", {"start":{"line":12,"column":33},"end":{"line":12,"column":40}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"binding","hash":{},"loc":{"start":{"line":12,"column":31},"end":{"line":12,"column":42}}}) : helper))) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return " extends "
    + ((stack1 = lookupProperty(helpers,"join").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"schemas"),", ",{"name":"join","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":50},"end":{"line":16,"column":99}}})) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"binding") || container.strict(depth0, "binding", {"start":{"line":16,"column":74},"end":{"line":16,"column":81}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"binding","hash":{},"loc":{"start":{"line":16,"column":72},"end":{"line":16,"column":83}}}) : helper))) != null ? stack1 : "")
    + ".Tables";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  "
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":21,"column":4},"end":{"line":21,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"loc":{"start":{"line":21,"column":2},"end":{"line":21,"column":9}}}) : helper))) != null ? stack1 : "")
    + ": "
    + ((stack1 = (((helper = lookupProperty(helpers,"binding") || alias1(depth0, "binding", {"start":{"line":21,"column":13},"end":{"line":21,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"binding","hash":{},"loc":{"start":{"line":21,"column":11},"end":{"line":21,"column":22}}}) : helper))) != null ? stack1 : "")
    + ".Client;\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    "
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":29,"column":6},"end":{"line":29,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"loc":{"start":{"line":29,"column":4},"end":{"line":29,"column":11}}}) : helper))) != null ? stack1 : "")
    + ": "
    + ((stack1 = (((helper = lookupProperty(helpers,"binding") || alias1(depth0, "binding", {"start":{"line":29,"column":15},"end":{"line":29,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"binding","hash":{},"loc":{"start":{"line":29,"column":13},"end":{"line":29,"column":24}}}) : helper))) != null ? stack1 : "")
    + ".createSchemaClient(db),\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n// Database "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":2,"column":14},"end":{"line":2,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":2,"column":12},"end":{"line":2,"column":24}}}) : helper))) != null ? stack1 : "")
    + ": the typed client over pg and the DB interface for Kysely.\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"schemas"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":3,"column":0},"end":{"line":5,"column":9}}})) != null ? stack1 : "")
    + "import type { Queryable } from './runtime.js';\n\nexport type {\n  Instant, Interval, JsonValue, ListOptions, OrderBy, PeriodEnd, Queryable, Where,\n} from './runtime.js';\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"schemas"),"length"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":11,"column":0},"end":{"line":13,"column":7}}})) != null ? stack1 : "")
    + "\n/** Every table and current-state view of "
    + ((stack1 = (((helper = lookupProperty(helpers,"database") || alias1(depth0, "database", {"start":{"line":15,"column":44},"end":{"line":15,"column":52}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"database","hash":{},"loc":{"start":{"line":15,"column":42},"end":{"line":15,"column":54}}}) : helper))) != null ? stack1 : "")
    + ", keyed `schema.table`: `new Kysely<DB>({ dialect })`. */\nexport interface DB"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"schemas"),"length"),{"name":"if","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":16,"column":19},"end":{"line":16,"column":106}}})) != null ? stack1 : "")
    + " {}\n\n/** `client.<schema>.<table>.get(key)`, …: see docs/typescript-client.md. */\nexport interface Client {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"schemas"),{"name":"each","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":20,"column":0},"end":{"line":22,"column":9}}})) != null ? stack1 : "")
    + "}\n\n/** A client over a pg Pool, Client or PoolClient (for a transaction, pass the PoolClient that ran BEGIN). */\nexport function createClient(db: Queryable): Client {\n  return {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"schemas"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":28,"column":0},"end":{"line":30,"column":9}}})) != null ? stack1 : "")
    + "  };\n}\n";
}},
  "typescript/runtime.ts": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || container.strict(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n// The client's runtime: the types every schema module shares, and the few functions that assemble a\n// table's compile-time SQL fragments (identifiers quoted by lakegen) into parameterised statements.\n// Values are only ever parameters; a column name is only ever looked up in the table's spec, so a name\n// that does not come from the definitions fails instead of reaching the SQL text.\n// It imports nothing at run time: pg is the application's (a peer dependency), used here for types only.\nimport type { QueryResult } from 'pg';\n\n/** What the client runs statements on: a pg Pool, Client, or a PoolClient inside a transaction. */\nexport interface Queryable {\n  query(text: string, values?: unknown[]): Promise<QueryResult>;\n}\n\n/** A timestamp read as exact text: `2024-05-01T10:00:00.123456Z` (timestamptz, in UTC) or without `Z` (timestamp). */\nexport type Instant = string;\n/** The end of a version's period: an Instant, or the text `'infinity'` while the version is current. */\nexport type PeriodEnd = Instant | 'infinity';\n/** What pg returns for jsonb (JSON.parse of the text). SQL NULL and JSON null both read as null. */\nexport type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n\n/** What pg returns for interval (a postgres-interval object); write it back as is, or as text ('1 day'). */\nexport interface Interval {\n  years?: number;\n  months?: number;\n  days?: number;\n  hours?: number;\n  minutes?: number;\n  seconds?: number;\n  milliseconds?: number;\n  toPostgres(): string;\n  toISO(): string;\n  toISOString(): string;\n}\n\n// Kysely's ColumnType, structurally: Kysely<DB> accepts these types without this module importing kysely.\nexport type ColumnType<SelectType, InsertType = SelectType, UpdateType = SelectType> = {\n  readonly __select__: SelectType;\n  readonly __insert__: InsertType;\n  readonly __update__: UpdateType;\n};\n/** Has a default: optional on insert. */\nexport type Generated<T> = T extends ColumnType<infer S, infer I, infer U>\n  ? ColumnType<S, I | undefined, U>\n  : ColumnType<T, T | undefined, T>;\n/** Set by the database only (generated keys, periods): never written. */\nexport type GeneratedAlways<T> = T extends ColumnType<infer S, unknown, unknown>\n  ? ColumnType<S, never, never>\n  : ColumnType<T, never, never>;\nexport type Timestamp = ColumnType<Date, Date | string, Date | string>;\nexport type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;\nexport type Numeric = ColumnType<string, string | number, string | number>;\nexport type IntervalColumn = ColumnType<Interval, Interval | string, Interval | string>;\n/** jsonb for Kysely: written as JSON text, because pg would turn a JavaScript array into a PostgreSQL array. */\nexport type Json = ColumnType<JsonValue, string, string>;\n\ntype FilterValue<T> = T extends Date ? Date | string : T extends Interval ? Interval | string : T;\n/** Equality filters, combined with AND; `null` matches IS NULL. */\nexport type Where<Row> = { readonly [K in keyof Row]?: FilterValue<Row[K]> };\nexport type OrderBy<Row> = readonly ((keyof Row & string) | readonly [keyof Row & string, 'asc' | 'desc'])[];\nexport interface ListOptions<Row> {\n  readonly where?: Where<Row>;\n  /** Default: the key, so that limit/offset pages are stable. */\n  readonly orderBy?: OrderBy<Row>;\n  readonly limit?: number;\n  readonly offset?: number;\n}\n\n/** How a relation is read: everything here was quoted by lakegen at compile time. */\nexport interface ReadSpec {\n  /** Schema-qualified relation (or set-returning function) name. */\n  readonly relation: string;\n  /** The select list: keys and periods as exact text. */\n  readonly select: string;\n  /** Quoted identifier of every column, by name. */\n  readonly columns: { readonly [name: string]: string };\n  readonly key: readonly string[];\n  /** jsonb columns: the client JSON-encodes their values (in filters too). */\n  readonly json: readonly string[];\n}\n\n/** How a relation is written. */\nexport interface WriteSpec extends ReadSpec {\n  /** Columns the client may write. */\n  readonly writable: readonly string[];\n}\n\n/** A temporal table: written through its current-state view, read also as versions. */\nexport interface TemporalSpec {\n  readonly current: WriteSpec;\n  readonly versions: ReadSpec;\n  /** The as-of function, `<view>_as_of(t)`. */\n  readonly asOf: string;\n}\n\n/** ListOptions with the row type erased: what the functions below work on. */\ninterface Options {\n  readonly where?: object;\n  readonly orderBy?: readonly (string | readonly [string, string])[];\n  readonly limit?: number;\n  readonly offset?: number;\n}\n\nclass Parameters {\n  readonly values: unknown[] = [];\n\n  add(value: unknown): string {\n    this.values.push(value);\n    return `$${this.values.length}`;\n  }\n}\n\nfunction hasOwn(object: object, name: string): boolean {\n  return Object.prototype.hasOwnProperty.call(object, name);\n}\n\nfunction identifier(spec: ReadSpec, name: string): string {\n  if (!hasOwn(spec.columns, name)) throw new TypeError(`${spec.relation} has no column ${JSON.stringify(name)}`);\n  return spec.columns[name] as string;\n}\n\nfunction encode(spec: ReadSpec, name: string, value: unknown): unknown {\n  return value !== null && spec.json.includes(name) ? JSON.stringify(value) : value;\n}\n\nfunction definedEntries(values: object): [string, unknown][] {\n  return Object.entries(values).filter(([, value]) => value !== undefined);\n}\n\nfunction keyCondition(spec: ReadSpec, key: object, parameters: Parameters): string {\n  return spec.key.map((name) => {\n    const value = (key as Record<string, unknown>)[name];\n    if (value === undefined || value === null) throw new TypeError(`${spec.relation}: the key needs ${name}`);\n    return `${identifier(spec, name)} = ${parameters.add(value)}`;\n  }).join(' AND ');\n}\n\nfunction whereClause(spec: ReadSpec, where: object | undefined, parameters: Parameters): string {\n  const conditions = definedEntries(where ?? {}).map(([name, value]) =>\n    value === null ? `${identifier(spec, name)} IS NULL` : `${identifier(spec, name)} = ${parameters.add(encode(spec, name, value))}`);\n  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;\n}\n\nfunction orderClause(spec: ReadSpec, orderBy: Options['orderBy']): string {\n  const terms = (orderBy ?? spec.key).map((term) => {\n    const [name, direction] = typeof term === 'string' ? [term, 'asc'] : term;\n    if (direction !== 'asc' && direction !== 'desc') throw new TypeError(`order direction must be asc or desc`);\n    return `${identifier(spec, name)}${direction === 'desc' ? ' DESC' : ''}`;\n  });\n  return terms.length === 0 ? '' : ` ORDER BY ${terms.join(', ')}`;\n}\n\nfunction pageClause(options: Options, parameters: Parameters): string {\n  let clause = '';\n  for (const [word, value] of [['LIMIT', options.limit], ['OFFSET', options.offset]] as const) {\n    if (value === undefined) continue;\n    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`${word.toLowerCase()} must be a non-negative integer`);\n    clause += ` ${word} ${parameters.add(value)}`;\n  }\n  return clause;\n}\n\nfunction writableEntries(spec: WriteSpec, values: object): [string, unknown][] {\n  return definedEntries(values).map(([name, value]) => {\n    if (!spec.writable.includes(name)) throw new TypeError(`${spec.relation}: ${JSON.stringify(name)} is not writable`);\n    return [name, encode(spec, name, value)];\n  });\n}\n\nasync function selectRows<Row>(db: Queryable, spec: ReadSpec, from: string, options: Options, parameters = new Parameters()): Promise<Row[]> {\n  const where = whereClause(spec, options.where, parameters);\n  const text = `SELECT ${spec.select} FROM ${from}${where}${orderClause(spec, options.orderBy)}${pageClause(options, parameters)}`;\n  return (await db.query(text, parameters.values)).rows as Row[];\n}\n\nasync function selectByKey<Row>(db: Queryable, spec: ReadSpec, key: object): Promise<Row | undefined> {\n  const parameters = new Parameters();\n  const text = `SELECT ${spec.select} FROM ${spec.relation} WHERE ${keyCondition(spec, key, parameters)}`;\n  return (await db.query(text, parameters.values)).rows[0] as Row | undefined;\n}\n\nasync function insertRow<Row>(db: Queryable, spec: WriteSpec, row: object): Promise<Row> {\n  const parameters = new Parameters();\n  const entries = writableEntries(spec, row);\n  const columns = entries.map(([name]) => identifier(spec, name)).join(', ');\n  const values = entries.map(([, value]) => parameters.add(value)).join(', ');\n  const body = entries.length === 0 ? 'DEFAULT VALUES' : `(${columns}) VALUES (${values})`;\n  const text = `INSERT INTO ${spec.relation} ${body} RETURNING ${spec.select}`;\n  return (await db.query(text, parameters.values)).rows[0] as Row;\n}\n\nasync function updateRow<Row>(db: Queryable, spec: WriteSpec, key: object, patch: object): Promise<Row | undefined> {\n  const parameters = new Parameters();\n  const entries = writableEntries(spec, patch);\n  if (entries.length === 0) return selectByKey<Row>(db, spec, key);\n  const assignments = entries.map(([name, value]) => `${identifier(spec, name)} = ${parameters.add(value)}`).join(', ');\n  const text = `UPDATE ${spec.relation} SET ${assignments} WHERE ${keyCondition(spec, key, parameters)} RETURNING ${spec.select}`;\n  return (await db.query(text, parameters.values)).rows[0] as Row | undefined;\n}\n\nasync function deleteRow(db: Queryable, spec: WriteSpec, key: object): Promise<boolean> {\n  const parameters = new Parameters();\n  const text = `DELETE FROM ${spec.relation} WHERE ${keyCondition(spec, key, parameters)}`;\n  return ((await db.query(text, parameters.values)).rowCount ?? 0) > 0;\n}\n\n// A reference table's managed columns (DESIGN.md §3): every reference table has them, under these names.\nconst IS_ACTIVE = 'is_active';\nconst SYSTIME = 'systime';\n\n/** `systime = now()` when `changed` holds, else as it was: systime moves only when the row does. */\nfunction touchSystime(spec: ReadSpec, changed: string): string {\n  const systime = identifier(spec, SYSTIME);\n  return `${systime} = CASE WHEN ${changed} THEN now() ELSE ${systime} END`;\n}\n\n/**\n * The values are sent twice, once to assign and once to compare: one parameter in both places would get\n * two types deduced (a varchar column compares as text) and PostgreSQL refuses the statement.\n */\nasync function updateReferenceRow<Row>(db: Queryable, spec: WriteSpec, key: object, patch: object): Promise<Row | undefined> {\n  const parameters = new Parameters();\n  const entries = writableEntries(spec, patch).map(([name, value]) => [identifier(spec, name), value] as const);\n  if (entries.length === 0) return selectByKey<Row>(db, spec, key);\n  const assignments = entries.map(([column, value]) => `${column} = ${parameters.add(value)}`);\n  const columns = entries.map(([column]) => column).join(', ');\n  const changed = `(${columns}) IS DISTINCT FROM (${entries.map(([, value]) => parameters.add(value)).join(', ')})`;\n  const text = `UPDATE ${spec.relation} SET ${[...assignments, touchSystime(spec, changed)].join(', ')} ` +\n    `WHERE ${keyCondition(spec, key, parameters)} RETURNING ${spec.select}`;\n  return (await db.query(text, parameters.values)).rows[0] as Row | undefined;\n}\n\nasync function deactivateRow(db: Queryable, spec: WriteSpec, key: object): Promise<boolean> {\n  const parameters = new Parameters();\n  const active = identifier(spec, IS_ACTIVE);\n  const text = `UPDATE ${spec.relation} SET ${active} = false, ${touchSystime(spec, active)} WHERE ${keyCondition(spec, key, parameters)}`;\n  return ((await db.query(text, parameters.values)).rowCount ?? 0) > 0;\n}\n\n/** Reads by key and lists: what every table's client shares. */\nexport class ReadableTable<Row, Key> {\n  // fields declared, not constructor parameter properties: the file stays erasable syntax (Node's type\n  // stripping, --erasableSyntaxOnly)\n  protected readonly db: Queryable;\n  protected readonly spec: ReadSpec;\n\n  constructor(db: Queryable, spec: ReadSpec) {\n    this.db = db;\n    this.spec = spec;\n  }\n\n  get(key: Key): Promise<Row | undefined> {\n    return selectByKey<Row>(this.db, this.spec, key as object);\n  }\n\n  list(options: ListOptions<Row> = {}): Promise<Row[]> {\n    return selectRows<Row>(this.db, this.spec, this.spec.relation, options);\n  }\n}\n\n/** A transactional table: read and written by key. */\nexport class Table<Row, Key, Insert, Update> extends ReadableTable<Row, Key> {\n  protected override readonly spec: WriteSpec;\n\n  constructor(db: Queryable, spec: WriteSpec) {\n    super(db, spec);\n    this.spec = spec;\n  }\n\n  /** Inserts one row and returns it as stored (defaults and generated key filled in). */\n  insert(row: Insert): Promise<Row> {\n    return insertRow<Row>(this.db, this.spec, row as object);\n  }\n\n  /** Updates the row with this key; undefined when there is none. */\n  update(key: Key, patch: Update): Promise<Row | undefined> {\n    return updateRow<Row>(this.db, this.spec, key as object, patch as object);\n  }\n\n  /** Deletes the row with this key; false when there was none. */\n  delete(key: Key): Promise<boolean> {\n    return deleteRow(this.db, this.spec, key as object);\n  }\n}\n\n/**\n * A reference table, keyed by the smallint key the caller supplies. Its rows are never deleted (DESIGN.md\n * §3): `delete` deactivates. `systime` is the database's: now() on insert and whenever a row changes.\n * Rows a program inserts that are not in the definitions are deactivated by the next `lakegen apply`.\n */\nexport class ReferenceTable<Row, Key, Insert, Update> extends Table<Row, Key, Insert, Update> {\n  /** Updates the row with this key (systime moves only if a value changed); undefined when there is none. */\n  override update(key: Key, patch: Update): Promise<Row | undefined> {\n    return updateReferenceRow<Row>(this.db, this.spec, key as object, patch as object);\n  }\n\n  /**\n   * Deactivates the row with this key instead of deleting it (reference rows are never deleted):\n   * `is_active = false`, and systime = now() if it was active. The row stays readable, in get and list\n   * (filter with `where: { is_active: true }`). False when there is no such row.\n   */\n  override delete(key: Key): Promise<boolean> {\n    return deactivateRow(this.db, this.spec, key as object);\n  }\n}\n\n/** A temporal table: written through its current-state view (the triggers keep the history). */\nexport class TemporalTable<Current, Version, Key, Insert, Update> {\n  private readonly db: Queryable;\n  private readonly spec: TemporalSpec;\n\n  constructor(db: Queryable, spec: TemporalSpec) {\n    this.db = db;\n    this.spec = spec;\n  }\n\n  /** The current version of the row with this business key. */\n  get(key: Key): Promise<Current | undefined> {\n    return selectByKey<Current>(this.db, this.spec.current, key as object);\n  }\n\n  /** The current rows (the current-state view). */\n  current(options: ListOptions<Current> = {}): Promise<Current[]> {\n    return selectRows<Current>(this.db, this.spec.current, this.spec.current.relation, options);\n  }\n\n  /** The versions valid at `at` (sys_start <= at < sys_end). Pass an Instant to be exact to the µs. */\n  asOf(at: Date | Instant, options: ListOptions<Version> = {}): Promise<Version[]> {\n    const parameters = new Parameters();\n    const from = `${this.spec.asOf}(${parameters.add(at)})`;\n    return selectRows<Version>(this.db, this.spec.versions, from, options, parameters);\n  }\n\n  /** Every version of the row with this business key, oldest first. */\n  history(key: Key): Promise<Version[]> {\n    const where = this.spec.versions.key.map((name) => [name, (key as Record<string, unknown>)[name]]);\n    if (where.some(([, value]) => value === undefined || value === null)) {\n      throw new TypeError(`${this.spec.versions.relation}: the key needs ${this.spec.versions.key.join(', ')}`);\n    }\n    return selectRows<Version>(this.db, this.spec.versions, this.spec.versions.relation,\n      { where: Object.fromEntries(where), orderBy: ['sys_start'] });\n  }\n\n  insert(row: Insert): Promise<Current> {\n    return insertRow<Current>(this.db, this.spec.current, row as object);\n  }\n\n  /** Closes the current version and opens a new one (no new version when nothing changes). */\n  update(key: Key, patch: Update): Promise<Current | undefined> {\n    return updateRow<Current>(this.db, this.spec.current, key as object, patch as object);\n  }\n\n  /** Closes the current version; the history stays. */\n  delete(key: Key): Promise<boolean> {\n    return deleteRow(this.db, this.spec.current, key as object);\n  }\n}\n";
}},
  "typescript/schema.ts": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "relation: "
    + ((stack1 = (((helper = lookupProperty(helpers,"relation") || alias1(depth0, "relation", {"start":{"line":2,"column":12},"end":{"line":2,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"relation","hash":{},"loc":{"start":{"line":2,"column":10},"end":{"line":2,"column":22}}}) : helper))) != null ? stack1 : "")
    + ",\nselect: "
    + ((stack1 = (((helper = lookupProperty(helpers,"select") || alias1(depth0, "select", {"start":{"line":3,"column":10},"end":{"line":3,"column":16}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"select","hash":{},"loc":{"start":{"line":3,"column":8},"end":{"line":3,"column":18}}}) : helper))) != null ? stack1 : "")
    + ",\ncolumns: {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"columns"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":5,"column":0},"end":{"line":7,"column":9}}})) != null ? stack1 : "")
    + "},\nkey: "
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":9,"column":7},"end":{"line":9,"column":10}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"loc":{"start":{"line":9,"column":5},"end":{"line":9,"column":12}}}) : helper))) != null ? stack1 : "")
    + ",\njson: "
    + ((stack1 = (((helper = lookupProperty(helpers,"json") || alias1(depth0, "json", {"start":{"line":10,"column":8},"end":{"line":10,"column":12}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"json","hash":{},"loc":{"start":{"line":10,"column":6},"end":{"line":10,"column":14}}}) : helper))) != null ? stack1 : "")
    + ",\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  "
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":6,"column":4},"end":{"line":6,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"loc":{"start":{"line":6,"column":2},"end":{"line":6,"column":9}}}) : helper))) != null ? stack1 : "")
    + ": "
    + ((stack1 = (((helper = lookupProperty(helpers,"sql") || alias1(depth0, "sql", {"start":{"line":6,"column":13},"end":{"line":6,"column":16}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"sql","hash":{},"loc":{"start":{"line":6,"column":11},"end":{"line":6,"column":18}}}) : helper))) != null ? stack1 : "")
    + ",\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = container.invokePartial(lookupProperty(partials,"readSpec"),depth0,{"name":"readSpec","helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "writable: "
    + ((stack1 = (((helper = lookupProperty(helpers,"writable") || container.strict(depth0, "writable", {"start":{"line":14,"column":12},"end":{"line":14,"column":20}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"writable","hash":{},"loc":{"start":{"line":14,"column":10},"end":{"line":14,"column":22}}}) : helper))) != null ? stack1 : "")
    + ",\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ": "
    + ((stack1 = (((helper = lookupProperty(helpers,"description") || container.strict(depth0, "description", {"start":{"line":17,"column":43},"end":{"line":17,"column":54}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"description","hash":{},"loc":{"start":{"line":17,"column":41},"end":{"line":17,"column":56}}}) : helper))) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n// ── "
    + ((stack1 = (((helper = lookupProperty(helpers,"heading") || alias1(depth0, "heading", {"start":{"line":23,"column":8},"end":{"line":23,"column":15}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"heading","hash":{},"loc":{"start":{"line":23,"column":6},"end":{"line":23,"column":17}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"declarations"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":24,"column":0},"end":{"line":45,"column":9}}})) != null ? stack1 : "")
    + "\nconst "
    + ((stack1 = alias3(alias1(lookupProperty(depth0,"spec"), "name", {"start":{"line":47,"column":8},"end":{"line":47,"column":17}} ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = alias3(alias1(lookupProperty(depth0,"spec"), "type", {"start":{"line":47,"column":23},"end":{"line":47,"column":32}} ), depth0)) != null ? stack1 : "")
    + " = {\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"spec"),"write"),{"name":"if","hash":{},"fn":container.program(12, data, 0),"inverse":container.noop,"loc":{"start":{"line":48,"column":0},"end":{"line":50,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"spec"),"temporal"),{"name":"if","hash":{},"fn":container.program(13, data, 0),"inverse":container.noop,"loc":{"start":{"line":51,"column":0},"end":{"line":59,"column":7}}})) != null ? stack1 : "")
    + "};\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"doc"),{"name":"each","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":26,"column":0},"end":{"line":28,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"interface"),{"name":"if","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"loc":{"start":{"line":29,"column":0},"end":{"line":38,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"alias"),{"name":"if","hash":{},"fn":container.program(10, data, 0),"inverse":container.noop,"loc":{"start":{"line":39,"column":0},"end":{"line":41,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"constant"),{"name":"if","hash":{},"fn":container.program(11, data, 0),"inverse":container.noop,"loc":{"start":{"line":42,"column":0},"end":{"line":44,"column":7}}})) != null ? stack1 : "");
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export interface "
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"interface"), "name", {"start":{"line":30,"column":19},"end":{"line":30,"column":33}} ), depth0)) != null ? stack1 : "")
    + " {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"interface"),"fields"),{"name":"each","hash":{},"fn":container.program(8, data, 0),"inverse":container.noop,"loc":{"start":{"line":31,"column":0},"end":{"line":36,"column":9}}})) != null ? stack1 : "")
    + "}\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"doc"),{"name":"each","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":32,"column":0},"end":{"line":34,"column":9}}})) != null ? stack1 : "")
    + "  "
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias2(depth0, "key", {"start":{"line":35,"column":4},"end":{"line":35,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"key","hash":{},"loc":{"start":{"line":35,"column":2},"end":{"line":35,"column":9}}}) : helper))) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"optional"),{"name":"if","hash":{},"fn":container.program(9, data, 0),"inverse":container.noop,"loc":{"start":{"line":35,"column":9},"end":{"line":35,"column":33}}})) != null ? stack1 : "")
    + ": "
    + ((stack1 = (((helper = lookupProperty(helpers,"type") || alias2(depth0, "type", {"start":{"line":35,"column":37},"end":{"line":35,"column":41}} ))),(typeof helper === alias3 ? helper.call(alias1,{"name":"type","hash":{},"loc":{"start":{"line":35,"column":35},"end":{"line":35,"column":43}}}) : helper))) != null ? stack1 : "")
    + ";\n";
},"9":function(container,depth0,helpers,partials,data) {
    return "?";
},"10":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export type "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"alias"), "name", {"start":{"line":40,"column":14},"end":{"line":40,"column":24}} ), depth0)) != null ? stack1 : "")
    + " = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"alias"), "type", {"start":{"line":40,"column":31},"end":{"line":40,"column":41}} ), depth0)) != null ? stack1 : "")
    + ";\n";
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export const "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"constant"), "name", {"start":{"line":43,"column":15},"end":{"line":43,"column":28}} ), depth0)) != null ? stack1 : "")
    + " = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"constant"), "value", {"start":{"line":43,"column":35},"end":{"line":43,"column":49}} ), depth0)) != null ? stack1 : "")
    + ";\n";
},"12":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = container.invokePartial(lookupProperty(partials,"writeSpec"),lookupProperty(lookupProperty(depth0,"spec"),"write"),{"name":"writeSpec","indent":"  ","helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "");
},"13":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  current: {\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"writeSpec"),lookupProperty(lookupProperty(lookupProperty(depth0,"spec"),"temporal"),"current"),{"name":"writeSpec","indent":"    ","helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "  },\n  versions: {\n"
    + ((stack1 = container.invokePartial(lookupProperty(partials,"readSpec"),lookupProperty(lookupProperty(lookupProperty(depth0,"spec"),"temporal"),"versions"),{"name":"readSpec","indent":"    ","helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "  },\n  asOf: "
    + ((stack1 = container.lambda(container.strict(lookupProperty(lookupProperty(depth0,"spec"),"temporal"), "asOf", {"start":{"line":58,"column":10},"end":{"line":58,"column":28}} ), depth0)) != null ? stack1 : "")
    + ",\n";
},"14":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"kysely"),{"name":"each","hash":{},"fn":container.program(15, data, 0),"inverse":container.noop,"loc":{"start":{"line":66,"column":0},"end":{"line":68,"column":9}}})) != null ? stack1 : "");
},"15":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  "
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":67,"column":4},"end":{"line":67,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"loc":{"start":{"line":67,"column":2},"end":{"line":67,"column":9}}}) : helper))) != null ? stack1 : "")
    + ": "
    + ((stack1 = (((helper = lookupProperty(helpers,"type") || alias1(depth0, "type", {"start":{"line":67,"column":13},"end":{"line":67,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"type","hash":{},"loc":{"start":{"line":67,"column":11},"end":{"line":67,"column":19}}}) : helper))) != null ? stack1 : "")
    + ";\n";
},"16":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"client"), "key", {"start":{"line":75,"column":4},"end":{"line":75,"column":14}} ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"client"), "type", {"start":{"line":75,"column":20},"end":{"line":75,"column":31}} ), depth0)) != null ? stack1 : "")
    + ";\n";
},"17":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"client"), "key", {"start":{"line":82,"column":6},"end":{"line":82,"column":16}} ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"client"), "create", {"start":{"line":82,"column":22},"end":{"line":82,"column":35}} ), depth0)) != null ? stack1 : "")
    + ",\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":16,"column":2},"end":{"line":16,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":16,"column":0},"end":{"line":16,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n// Schema "
    + ((stack1 = (((helper = lookupProperty(helpers,"schema") || alias1(depth0, "schema", {"start":{"line":17,"column":12},"end":{"line":17,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"schema","hash":{},"loc":{"start":{"line":17,"column":10},"end":{"line":17,"column":20}}}) : helper))) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"description"),{"name":"if","hash":{},"fn":container.program(3, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":17,"column":20},"end":{"line":17,"column":63}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"imports"),{"name":"each","hash":{},"fn":container.program(4, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":18,"column":0},"end":{"line":20,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"tables"),{"name":"each","hash":{},"fn":container.program(5, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":21,"column":0},"end":{"line":61,"column":9}}})) != null ? stack1 : "")
    + "\n/** The tables of schema "
    + ((stack1 = (((helper = lookupProperty(helpers,"schema") || alias1(depth0, "schema", {"start":{"line":63,"column":27},"end":{"line":63,"column":33}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"schema","hash":{},"loc":{"start":{"line":63,"column":25},"end":{"line":63,"column":35}}}) : helper))) != null ? stack1 : "")
    + " for Kysely, keyed `schema.table`: part of the database's DB. */\nexport interface Tables {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"tables"),{"name":"each","hash":{},"fn":container.program(14, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":65,"column":0},"end":{"line":69,"column":9}}})) != null ? stack1 : "")
    + "}\n\n/** The client of schema "
    + ((stack1 = (((helper = lookupProperty(helpers,"schema") || alias1(depth0, "schema", {"start":{"line":72,"column":27},"end":{"line":72,"column":33}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"schema","hash":{},"loc":{"start":{"line":72,"column":25},"end":{"line":72,"column":35}}}) : helper))) != null ? stack1 : "")
    + ": one entry per table. */\nexport interface Client {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"tables"),{"name":"each","hash":{},"fn":container.program(16, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":74,"column":0},"end":{"line":76,"column":9}}})) != null ? stack1 : "")
    + "}\n\nexport function createSchemaClient(db: Queryable): Client {\n  return {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"tables"),{"name":"each","hash":{},"fn":container.program(17, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":81,"column":0},"end":{"line":83,"column":9}}})) != null ? stack1 : "")
    + "  };\n}\n";
},"main_d":  function(fn, props, container, depth0, data, blockParams, depths) {

  var decorators = container.decorators, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  var decorator = lookupProperty(decorators,"inline");
  if (typeof decorator !== "function") { throw new Error("Missing decorator: \"inline\""); }
  fn = decorator(fn,props,container,{"name":"inline","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"args":["readSpec"],"loc":{"start":{"line":1,"column":0},"end":{"line":11,"column":11}}}) || fn;
  var decorator = lookupProperty(decorators,"inline");
  if (typeof decorator !== "function") { throw new Error("Missing decorator: \"inline\""); }
  fn = decorator(fn,props,container,{"name":"inline","hash":{},"fn":container.program(2, data, 0, blockParams, depths),"inverse":container.noop,"args":["writeSpec"],"loc":{"start":{"line":12,"column":0},"end":{"line":15,"column":11}}}) || fn;
  return fn;
  }

,"useDecorators":true,"usePartial":true,"useDepths":true},
};
