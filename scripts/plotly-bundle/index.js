'use strict';
// The plotly.js the dashboard needs: core (scatter) plus the three other trace types the
// briefing charts draw. Everything else (3-D, maps tiles, WebGL, finance ...) stays out,
// which makes the file a third of plotly.min.js and the page faster to parse.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/scattergeo'),
]);

module.exports = Plotly;
