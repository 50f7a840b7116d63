{{%AUTOESCAPE context="HTML"}}<article class="card{{#LEAD}} card--lead{{/LEAD}}">
{{#IMAGE}}<a class="card__media" href="{{URL}}" tabindex="-1" aria-hidden="true"><picture>{{#WEBP}}<source type="image/webp" srcset="{{IMAGE_WEBP_SRCSET}}" sizes="{{IMAGE_SIZES}}">{{/WEBP}}<img src="{{IMAGE_URL}}" srcset="{{IMAGE_SRCSET}}" sizes="{{IMAGE_SIZES}}" width="{{IMAGE_WIDTH}}" height="{{IMAGE_HEIGHT}}" alt="" loading="{{IMAGE_LOADING}}"{{#URGENT}} fetchpriority="high"{{/URGENT}} decoding="async"></picture></a>
{{/IMAGE}}<div class="card__body">
{{#SECTION}}<p class="card__kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
{{/SECTION}}{{#H2}}<h2 class="card__headline"><a href="{{URL}}">{{HEADLINE}}</a></h2>{{/H2}}{{#H3}}<h3 class="card__headline"><a href="{{URL}}">{{HEADLINE}}</a></h3>{{/H3}}
{{#STANDFIRST}}<p class="card__standfirst">{{STANDFIRST_TEXT}}</p>
{{/STANDFIRST}}<p class="card__meta"><time datetime="{{DATE_ISO}}" data-relative>{{DATE_SHORT}}{{T_DATE_TIME_SEPARATOR}}{{CLOCK}}</time></p>
</div>
</article>
