{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="{{LANG}}" dir="{{DIR}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{TITLE}} · {{T_NEWSROOM}}</title>
<link rel="icon" href="/newsroom/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/newsroom/assets/newsroom.css">
</head>
<body>
<a class="skip" href="#main">{{T_SKIP_TO_CONTENT}}</a>
<header class="bar">
<p class="bar__name">{{T_NEWSROOM}}</p>
<a class="bar__language" href="?lang={{OTHER_LANG}}" lang="{{OTHER_LANG}}" hreflang="{{OTHER_LANG}}">{{OTHER_LANGUAGE_NAME}}</a>
</header>
