{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}" data-numbering="{{NUMBERING}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}}</title>
{{#DESCRIPTION}}<meta name="description" content="{{PAGE_DESCRIPTION}}">
{{/DESCRIPTION}}{{#CANONICAL}}<link rel="canonical" href="{{CANONICAL_URL}}">
{{/CANONICAL}}{{#ALTERNATE}}<link rel="alternate" hreflang="{{ALTERNATE_LANG}}" href="{{ALTERNATE_URL}}">
{{/ALTERNATE}}{{#OPEN_GRAPH}}<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{PAGE_DESCRIPTION}}">
<meta property="og:url" content="{{CANONICAL_URL}}">
<meta property="og:locale" content="{{LANG}}">
{{#OG_IMAGE}}<meta property="og:image" content="{{OG_IMAGE_URL}}">
<meta property="og:image:width" content="{{OG_IMAGE_WIDTH}}">
<meta property="og:image:height" content="{{OG_IMAGE_HEIGHT}}">
<meta property="og:image:alt" content="{{OG_IMAGE_ALT}}">
{{/OG_IMAGE}}{{#OG_ARTICLE}}<meta property="article:published_time" content="{{OG_PUBLISHED}}">
<meta property="article:modified_time" content="{{OG_MODIFIED}}">
{{/OG_ARTICLE}}<meta name="twitter:card" content="{{TWITTER_CARD}}">
<meta name="twitter:title" content="{{OG_TITLE}}">
{{#DESCRIPTION}}<meta name="twitter:description" content="{{PAGE_DESCRIPTION}}">
{{/DESCRIPTION}}{{#OG_IMAGE}}<meta name="twitter:image" content="{{OG_IMAGE_URL}}">
<meta name="twitter:image:alt" content="{{OG_IMAGE_ALT}}">
{{/OG_IMAGE}}{{/OPEN_GRAPH}}{{#OG_SECTION}}<meta property="article:section" content="{{OG_SECTION_NAME}}">
{{/OG_SECTION}}{{#OG_TAG}}<meta property="article:tag" content="{{OG_TAG_NAME}}">
{{/OG_TAG}}{{#PAGINATION_LINKS}}{{#PREV}}<link rel="prev" href="{{PREV_URL}}">
{{/PREV}}{{#NEXT}}<link rel="next" href="{{NEXT_URL}}">
{{/NEXT}}{{/PAGINATION_LINKS}}{{#FEED}}<link rel="alternate" type="{{FEED_TYPE}}" title="{{FEED_TITLE}}" href="{{FEED_URL}}">
{{/FEED}}<link rel="search" type="application/opensearchdescription+xml" title="{{SITE_NAME}}" href="{{OPENSEARCH_PATH}}">
{{#NOINDEX}}<meta name="robots" content="noindex">
{{/NOINDEX}}{{#STRUCTURED_DATA}}<script type="application/ld+json">{{STRUCTURED_DATA_JSON:none}}</script>
{{/STRUCTURED_DATA}}<link rel="icon" href="{{ASSETS_PATH}}img/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="{{ASSETS_PATH}}img/apple-touch-icon.png">
<link rel="manifest" href="{{MANIFEST_PATH}}">
<link rel="stylesheet" href="{{ASSETS_PATH}}css/site.css">
<script type="module" src="{{ASSETS_PATH}}js/relative-time.js"></script>
</head>
