-- Carrier detection: number ranges, portability overrides, and the product catalogue (face values per carrier).

create table carrier_number_range (
    prefix      varchar(7)  primary key check (prefix ~ '^1[0-9]{6}$'),
    carrier     text        not null check (carrier in ('CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET')),
    province    text,
    city        text,
    updated_at  timestamptz not null,
    check (city is null or province is not null)
);

-- phone_hash: lowercase hex HMAC-SHA256 of the E.164 number (the same key as topup_order.phone_hash).
create table carrier_portability (
    phone_hash  text        primary key,
    carrier     text        not null check (carrier in ('CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET')),
    updated_at  timestamptz not null
);

-- face_value in fen.
create table product (
    carrier     text        not null check (carrier in ('CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET')),
    face_value  bigint      not null check (face_value > 0),
    enabled     boolean     not null default true,
    primary key (carrier, face_value)
);

insert into product (carrier, face_value)
select carrier, face_value
  from (values ('CHINA_MOBILE'), ('CHINA_UNICOM'), ('CHINA_TELECOM'), ('CHINA_BROADNET')) as carriers (carrier)
 cross join (values (1000), (2000), (3000), (5000), (10000), (20000), (30000), (50000)) as face_values (face_value);
