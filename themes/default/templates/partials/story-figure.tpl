{{%AUTOESCAPE context="HTML"}}{{#FIGURE}}<figure class="story__figure">
<picture>{{#WEBP}}<source type="image/webp" srcset="{{IMAGE_WEBP_SRCSET}}" sizes="{{IMAGE_SIZES}}">{{/WEBP}}<img src="{{IMAGE_URL}}" srcset="{{IMAGE_SRCSET}}" sizes="{{IMAGE_SIZES}}" width="{{IMAGE_WIDTH}}" height="{{IMAGE_HEIGHT}}" alt="{{IMAGE_ALT}}" fetchpriority="high"></picture>
<figcaption>{{#CAPTION}}<span class="story__caption">{{CAPTION_TEXT}}</span>{{/CAPTION}}{{#CREDIT}} <span class="story__credit">{{CREDIT_TEXT}}</span>{{/CREDIT}}</figcaption>
</figure>
{{/FIGURE}}