# ruff: noqa: RUF001  (the taglines are written in their own scripts on purpose)
"""Taglines for the demo's language assistance notice: English and the 15
languages other than English most spoken in Illinois by people with limited English (the list
HHS published for Section 1557), each in its own language and script. {phone} is where the
practice's number goes. Staff edit them on the notice's "Language taglines" tab; a qualified
translator should check any wording the practice changes."""

TAGLINES = [
    (
        "English",
        "en",
        "ATTENTION: If you speak English, free language assistance services are available to "
        "you. Call {phone}.",
    ),
    (
        "Español",
        "es",
        "ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia "
        "lingüística. Llame al {phone}.",
    ),
    (
        "Polski",
        "pl",
        "UWAGA: Jeżeli mówisz po polsku, możesz skorzystać z bezpłatnej pomocy językowej. "
        "Zadzwoń pod numer {phone}.",
    ),
    (
        "繁體中文",
        "zh-Hant",
        "注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 {phone}。",
    ),
    (
        "한국어",
        "ko",
        "주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다. "
        "{phone} 번으로 전화해 주십시오.",
    ),
    (
        "Tagalog",
        "tl",
        "PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong "
        "sa wika nang walang bayad. Tumawag sa {phone}.",
    ),
    (
        "العربية",
        "ar",
        "ملحوظة: إذا كنت تتحدث العربية، فإن خدمات المساعدة اللغوية تتوافر لك بالمجان. "
        "اتصل برقم {phone}.",
    ),
    (
        "Русский",
        "ru",
        "ВНИМАНИЕ: Если вы говорите на русском языке, то вам доступны бесплатные услуги "
        "перевода. Звоните {phone}.",
    ),
    (
        "ગુજરાતી",
        "gu",
        "સુચના: જો તમે ગુજરાતી બોલતા હો, તો નિ:શુલ્ક ભાષા સહાય સેવાઓ તમારા માટે ઉપલબ્ધ છે. ફોન કરો {phone}.",
    ),
    (
        "اردو",
        "ur",
        "خبردار: اگر آپ اردو بولتے ہیں، تو آپ کو زبان کی مدد کی خدمات مفت میں دستیاب ہیں۔ "
        "کال کریں {phone}۔",
    ),
    (
        "Tiếng Việt",
        "vi",
        "CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. "
        "Gọi số {phone}.",
    ),
    (
        "Italiano",
        "it",
        "ATTENZIONE: se parla italiano, sono disponibili servizi gratuiti di assistenza "
        "linguistica. Chiami il numero {phone}.",
    ),
    (
        "हिंदी",
        "hi",
        "ध्यान दें: यदि आप हिंदी बोलते हैं तो आपके लिए मुफ्त में भाषा सहायता सेवाएं उपलब्ध हैं। {phone} पर कॉल करें।",
    ),
    (
        "Français",
        "fr",
        "ATTENTION : si vous parlez français, des services d'aide linguistique vous sont "
        "proposés gratuitement. Appelez le {phone}.",
    ),
    (
        "Ελληνικά",
        "el",
        "ΠΡΟΣΟΧΗ: Αν μιλάτε ελληνικά, στη διάθεσή σας βρίσκονται υπηρεσίες γλωσσικής "
        "υποστήριξης, οι οποίες παρέχονται δωρεάν. Καλέστε {phone}.",
    ),
    (
        "Deutsch",
        "de",
        "ACHTUNG: Wenn Sie Deutsch sprechen, stehen Ihnen kostenlos sprachliche "
        "Hilfsdienstleistungen zur Verfügung. Rufnummer: {phone}.",
    ),
]
