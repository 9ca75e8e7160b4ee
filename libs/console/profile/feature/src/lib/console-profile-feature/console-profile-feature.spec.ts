import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ConsoleProfileFeature } from './console-profile-feature';

describe('ConsoleProfileFeature', () => {
  let component: ConsoleProfileFeature;
  let fixture: ComponentFixture<ConsoleProfileFeature>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [ConsoleProfileFeature],
    }).compileComponents();

    fixture = TestBed.createComponent(ConsoleProfileFeature);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
