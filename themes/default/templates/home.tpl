{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content" class="home">
<h1 class="visually-hidden">{{SITE_NAME}}: {{T_LATEST_NEWS}}</h1>
{{#LEAD_STORY}}<section class="home__lead" aria-label="{{T_LEAD_STORY}}">
{{>CARD}}
</section>
{{/LEAD_STORY}}{{#LATEST}}<section class="home__latest" aria-labelledby="latest-heading">
<h2 id="latest-heading" class="block-heading">{{T_LATEST_NEWS}}</h2>
<div class="card-grid">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/LATEST}}{{#SECTION_BLOCK}}<section class="home__section" aria-labelledby="section-{{BLOCK_SLUG}}">
<h2 id="section-{{BLOCK_SLUG}}" class="block-heading"><a href="{{BLOCK_URL}}">{{BLOCK_NAME}}</a></h2>
<div class="card-grid">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/SECTION_BLOCK}}{{#EMPTY}}<p class="empty">{{T_NO_ARTICLES}}</p>
{{/EMPTY}}</main>
{{>FOOTER}}
