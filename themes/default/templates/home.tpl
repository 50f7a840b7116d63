{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content" class="home">
<h1 class="visually-hidden">{{SITE_NAME}}: {{T_LATEST_NEWS}}</h1>
{{#TOP}}<section class="home__top" aria-labelledby="top-heading">
<h2 id="top-heading" class="visually-hidden">{{T_TOP_STORIES}}</h2>
{{#LEAD_STORY}}<div class="home__lead">
{{>CARD}}
</div>
{{/LEAD_STORY}}{{#BESIDE}}<div class="home__beside card-list card-list--compact">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
{{/BESIDE}}</section>
{{/TOP}}{{#LATEST}}<section class="home__latest" aria-labelledby="latest-heading">
<h2 id="latest-heading" class="block-heading">{{T_LATEST_NEWS}}</h2>
<div class="card-grid">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/LATEST}}{{>MOST_READ}}{{#SECTION_BLOCK}}<section class="home__section" aria-labelledby="section-{{BLOCK_SLUG}}">
<h2 id="section-{{BLOCK_SLUG}}" class="block-heading"><a href="{{BLOCK_URL}}">{{BLOCK_NAME}}</a></h2>
<div class="card-grid">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/SECTION_BLOCK}}{{#EMPTY}}<p class="empty">{{T_NO_ARTICLES}}</p>
{{/EMPTY}}</main>
{{>FOOTER}}
